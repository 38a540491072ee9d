// The demo page, as a service would embed the element: it waits for the list to be
// ready, then offers to submit it. This demo sends nothing; a service would post
// `csv` (or `users` as JSON) to its own origin.
const upload = document.querySelector("bulk-users-upload");
const form = document.getElementById("submit");
const ready = document.getElementById("ready");
const sent = document.getElementById("sent");
let list = null;

upload.addEventListener("bulk-users-ready", (event) => {
  list = event.detail;
  ready.textContent = `${list.users.length} ready: ${list.csv.name}, ${list.csv.size} bytes.`;
  form.hidden = false;
});

// Any edit after the list was ready hides the button until it is ready again.
upload.addEventListener("input", () => {
  form.hidden = true;
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  // A service: fetch("/users/import", { method: "POST", body: list.csv }).
  sent.textContent = `Not sent: this demo page keeps everything in the browser (${list.users.length} users).`;
});

customElements.whenDefined("bulk-users-upload").then(() => {
  const mark = () => {
    if (upload.dataset.state !== "loading") {
      document.body.dataset.ready = "true";
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(mark);
  observer.observe(upload, { attributes: true, attributeFilter: ["data-state"] });
  mark();
});
