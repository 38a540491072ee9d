// Types of <bulk-users-upload> (bulk-users-upload.js).
import type { CheckOptions, Report } from "./bulk_users.js";

/** A user as the crate's JSON gives it. */
export interface NewUser {
  name: string;
  email: string;
  user_type: "Standard" | "Privileged";
  site: string;
}

/** What `bulk-users-ready` carries: the users, and the CSV to submit (UTF-8 with a byte
 * order mark, the template's header, one user a line). */
export interface ReadyDetail {
  users: NewUser[];
  csv: File;
}

/** The upload step: a file, a grid to correct it in, and `bulk-users-ready`. */
export declare class BulkUsersUpload extends HTMLElement {
  /** The crate's settings (snake_case, as `check` takes them); attributes add to them. */
  options: CheckOptions;
  /** The last report shown: of the file as chosen, then of the grid after each edit. */
  readonly report: Report | null;
}

declare global {
  interface HTMLElementTagNameMap {
    "bulk-users-upload": BulkUsersUpload;
  }
  interface HTMLElementEventMap {
    "bulk-users-ready": CustomEvent<ReadyDetail>;
  }
}
