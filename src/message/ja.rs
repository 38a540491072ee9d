//! 日本語.

use super::{domain_list, numbers, rows_listed, shown, Text, Words};
use crate::model::column::Column;
use crate::model::format::Markup;
use crate::model::problem::{EmailProblem, Problem};
use crate::model::text::column_letters;

pub(super) static WORDS: Words = Words {
    sizes: (["バイト", "KiB", "MiB"], '.'),
    formats: [
        "CSV ファイル",
        "Excel ブック（.xlsx）",
        "Excel 97-2003 ブック（.xls）",
        "OpenDocument スプレッドシート（.ods）",
    ],
    quotes: ["「", "」"],
    // 「A」、「B」、「C」: Japanese lists need no conjunction.
    list: |items| items.join("、"),
    users: ["人", "人"],
    columns: ["ユーザー名", "メールアドレス", "ユーザー種別", "拠点"],
    headers: ["ユーザー名*", "メールアドレス*", "ユーザー種別", "拠点"],
    user_types: ["標準", "特権"],
    row_column: |row, column, message| format!("{row} 行目、{column}：{message}"),
    row: |row, message| format!("{row} 行目：{message}"),
    summary: |count| format!("ファイルに {count} 件の問題があります："),
};

pub(super) fn render(text: &Text) -> String {
    match *text {
        Text::FileTooLarge {
            size: Some(size),
            max,
        } => format!(
            "ファイルは {size} バイトです。受け付けるのは {max} バイト（{}）までです。\
             ユーザーを小さなファイルに分けてください。",
            WORDS.bytes(max)
        ),
        Text::FileTooLarge { size: None, max } => format!(
            "ファイルが {max} バイト（{}）を超えています。これが受け付ける上限です。\
             ユーザーを小さなファイルに分けてください。",
            WORDS.bytes(max)
        ),
        Text::EmptyFile => "ファイルが空です。見出し行もユーザーもありません。\
                            テンプレートに 1 行に 1 人ずつ入力して、もう一度アップロードしてください。"
            .to_owned(),
        Text::NoRows => "ファイルに見出し行はありますが、ユーザーがいません。\
                         見出しの下に 1 行に 1 人ずつ入力してください。"
            .to_owned(),
        Text::FormatNotAccepted { format, accepted } => {
            let accepted: Vec<String> =
                accepted.iter().map(|f| format!(".{}", f.extension())).collect();
            format!(
                ".{} 形式のファイルはここでは受け付けていません。ファイルを {} \
                 形式で保存して、もう一度アップロードしてください。",
                format.extension(),
                accepted.join(" または ")
            )
        }
        Text::WrongFormat { expected, actual } => format!(
            "このファイルは{}ではなく、{}のようです。正しい拡張子でアップロードするか、\
             .{} 形式で保存し直してください。",
            WORDS.described(expected),
            WORDS.described(actual),
            expected.extension()
        ),
        Text::Unreadable { expected } => format!(
            "このファイルを{}として読み取れませんでした。表計算ソフトで .xlsx または .csv \
             形式で保存し直して、アップロードしてください。",
            WORDS.described(expected)
        ),
        Text::Markup { expected, markup } => format!(
            "このファイルは{}ではなく、{}です。表計算ソフトで開き、Excel ブック（.xlsx）\
             または CSV UTF-8 として保存してから、そのファイルをアップロードしてください。",
            WORDS.described(expected),
            match markup {
                Markup::WebPage => "Web ページ（HTML）",
                Markup::XmlSpreadsheet => "XML スプレッドシート 2003",
                Markup::FlatOpenDocument => "フラット OpenDocument スプレッドシート（.fods）",
            }
        ),
        Text::BinaryData => "このファイルはテキストではなく、バイナリデータを含んでいます。\
                          表計算ソフトで CSV または .xlsx 形式で保存して、\
                          もう一度アップロードしてください。"
            .to_owned(),
        Text::Utf32 => "このファイルは UTF-32 で保存されたテキストで、このアップロードでは読み取れません。\
                          「CSV UTF-8」で保存し（Excel では「名前を付けて保存」→「CSV UTF-8 (コンマ区切り)」）、\
                          もう一度アップロードしてください。"
            .to_owned(),
        Text::TooExpanded { limit } => format!(
            "このブックは展開すると {} を超え、ユーザー一覧には大きすぎます。\
             ユーザーを新しいブック（またはテンプレート）にコピーして、\
             それをアップロードしてください。",
            WORDS.bytes(limit)
        ),
        Text::Encrypted => "ブックはパスワードで保護されています。パスワードを解除するか\
                            （または保護されていないコピーを保存して）、\
                            もう一度アップロードしてください。"
            .to_owned(),
        Text::NoSheet => "ブックにワークシートがありません。テンプレートの Users シートに\
                          入力して、もう一度アップロードしてください。"
            .to_owned(),
        Text::NotBuiltIn { format } => format!(
            ".{} 形式のファイルはここでは受け付けていません。ファイルを .xlsx \
             形式で保存して、もう一度アップロードしてください。",
            format.extension()
        ),
        Text::DuplicateColumn {
            column,
            first,
            second,
        } => format!(
            "{} 列と {} 列はどちらも{}です。一方を残して、もう一方を削除してください。",
            column_letters(first),
            column_letters(second),
            WORDS.q(WORDS.column(column))
        ),
        Text::UnknownColumn { index, header } => format!(
            "{} 列の見出し{}は、このアップロードで使う列ではありません。列は{}です。\
             見出しを直すか、列を削除してください。",
            column_letters(index),
            WORDS.q(&shown(header)),
            WORDS.columns()
        ),
        Text::HeaderTooWide { max } => format!(
            "見出し行の列が {max} を超えています。{}の列だけを残してください。",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count } => format!(
            "ほかに {count} 個の見出しが、不明または重複した列です。{}の列を 1 つずつだけ\
             残してください。",
            WORDS.columns()
        ),
        Text::MissingColumn { column } => format!(
            "見出し行に{}列がありません。見出しが{}の列を追加してください。",
            WORDS.q(WORDS.column(column)),
            WORDS.q(WORDS.header(column))
        ),
        Text::TooManyRows { limit } => format!(
            "ファイルのユーザーが {limit} 人を超えています。この行が上限を超えた最初の行です。\
             ユーザーを 1 ファイル {limit} 人以下に分けてください。"
        ),
        Text::ExtraValue {
            index,
            more,
            at_least,
        } => {
            let others = match (more, at_least) {
                (0, _) => String::new(),
                (n, true) => format!("（ほか少なくとも {n} 列）"),
                (n, false) => format!("（ほか {n} 列）"),
            };
            format!(
                "{} 列{others}に値がありますが、見出しがありません。値を削除するか、\
                 列に見出しを付けてください。",
                column_letters(index)
            )
        }
        Text::DuplicateEmail { address, first } => format!(
            "{address} は {first} 行目ですでに使われています。ユーザーごとに別のメール\
             アドレスが必要です。"
        ),
        Text::Cell {
            problem,
            column,
            value,
        } => cell(problem, column, value),
        Text::EncodingGuessed { name } => format!(
            "ファイルが UTF-8 ではないため、文字を {} として読み取りました。\
             名前が正しく表示されない場合は、ファイルを「CSV UTF-8」形式で保存して、\
             もう一度アップロードしてください。",
            encoding(name)
        ),
        Text::InvisibleRemoved => "この行の値から、目に見えない文字（方向を示す記号や幅の\
                                   ないスペースなど。コピーと貼り付けで紛れ込みがちです）\
                                   を取り除きました。"
            .to_owned(),
        Text::MergedSpread => "この行は結合されたセルにかかっています。表計算ソフトの表示\
                               どおり、その値を結合範囲のすべてのセルに使いました。"
            .to_owned(),
        Text::ColumnRule {
            column,
            default_site,
        } => match column {
            Column::UserName => format!(
                "必須。本人のフルネーム（{} 文字以内）。=、+、-、@ で始めることはできません。",
                crate::model::column::MAX_NAME_CHARS
            ),
            Column::Email => format!(
                "必須。name@example.com のようなメールアドレス 1 つ（{} 文字以内）。\
                 ユーザーごとに別のアドレスが必要です。",
                crate::model::column::MAX_EMAIL_CHARS
            ),
            Column::UserType => "標準または特権。空欄の場合は標準です。".to_owned(),
            Column::Site => format!(
                "本人の拠点またはオフィス（{} 文字以内）。空欄の場合は {default_site} \
                 です。=、+、-、@ で始めることはできません。",
                crate::model::column::MAX_SITE_CHARS
            ),
        },
        Text::TemplateTitle => "このテンプレートの入力方法".to_owned(),
        Text::RuleOneUserPerRow => "Users シートの見出しの下に、1 行に 1 人ずつ入力して\
                                    ください。見出し行は変更したり移動したりしないで\
                                    ください。"
            .to_owned(),
        Text::RuleRequired => "* の付いた列は必須です。空の行は読み飛ばされます。".to_owned(),
        Text::RuleLimits { rows, bytes: max } => format!(
            "1 ファイルに {rows} 人まで、ファイルサイズは {} までです。\
             それより多い場合は複数のファイルに分けてください。",
            WORDS.bytes(max)
        ),
        Text::RuleUniqueEmail => {
            "同じメールアドレスはファイル内に 1 回しか使えません。".to_owned()
        }
        Text::RuleDomains { domains } => format!(
            "メールアドレスは {} のものを使ってください。",
            (WORDS.list)(domains)
        ),
        Text::RuleNewPeopleOnly => {
            "まだアカウントを持っていない人だけを追加してください。".to_owned()
        }
        Text::RuleFormats => "ファイルは Excel ブック（.xlsx）または CSV（.csv。\
                              文字コードを聞かれたら UTF-8）で保存してください。\
                              OpenDocument（.ods）と Excel 97-2003（.xls）も使えます。"
            .to_owned(),
        Text::RuleAllOrNothing => "ファイル全体をまとめて確認します。問題が 1 つでもあれば\
                                   何も取り込まれず、すべての問題が行番号付きで示されます。\
                                   修正してから、もう一度アップロードしてください。"
            .to_owned(),
        Text::RuleSites { sites } => {
            format!("拠点は次のいずれかにしてください：{}。", sites.join("、"))
        }
        Text::ColumnHeading => "列".to_owned(),
        Text::RuleHeading => "ルール".to_owned(),
        Text::SitesHeading => "拠点".to_owned(),
        Text::UserTypeInputTitle => "ユーザー種別".to_owned(),
        Text::UserTypeInputMessage => "標準または特権。空欄の場合は標準です。".to_owned(),
        Text::UserTypeErrorTitle => "ユーザー種別ではありません".to_owned(),
        Text::UserTypeErrorMessage => {
            "一覧から標準または特権を選ぶか、標準にする場合は空欄のままにしてください。"
                .to_owned()
        }
        Text::SiteErrorTitle => "登録された拠点ではありません".to_owned(),
        Text::SiteErrorMessage { default_site } => format!(
            "一覧から拠点を選ぶか、{default_site} にする場合は空欄のままにしてください。"
        ),
        Text::RowHeading => "行".to_owned(),
        Text::ErrorsHeading => "エラー".to_owned(),
        Text::ProblemsSheetTitle => "問題".to_owned(),
        Text::ProblemHeading => "問題".to_owned(),
        Text::SplitFile { users, limit } => format!(
            "ファイルには {users} 人のユーザーがいます。一度に追加できるのは {limit} 人\
             までです。{limit} 人以下のファイルに分けて、それぞれアップロードしてください。"
        ),
        Text::DidYouMean { meant } => format!("{}のことですか？", WORDS.q(meant)),
        Text::KnownList { system, used, ignored } => format!(
            "これは {system} のリストです。列 {} から読み取り、ほかの {ignored} 列は無視しました。",
            (WORDS.list)(&WORDS.quoted(used))
        ),
        Text::NamesJoined { display_name: false } => {
            "各ユーザー名は、名と姓をスペースでつないだものです。".to_owned()
        }
        Text::NamesJoined { display_name: true } => {
            "表示名が空の行では、ユーザー名は名と姓をスペースでつないだものです。".to_owned()
        }
        Text::RowsAboveHeader { rows } => format!(
            "見出しはこの行です。上の行（{}）は読み飛ばしました。",
            numbers(rows)
        ),
        Text::ExampleRow { system } => format!(
            "これは {system} のテンプレートの例の行で、追加する人ではありません。行を削除してください。"
        ),
        Text::HiddenRows { rows, more } => {
            let listed = rows_listed(rows, more, |more| format!("ほか {more} 行"));
            format!("{listed} 行目はスプレッドシートで非表示ですが、ほかの行と同じように読み取りました。")
        }
        Text::Utf16WithoutBom { name } => format!("このファイルは、それを示す印のない {name} のテキストです。{name} として読み取りました。"),
        Text::NulPadding => "ファイルの末尾に、テキストではないゼロのバイトがありました。読み飛ばしました。".to_owned(),
        Text::ValueCut { length, shown } => format!(
            "この値は {length} 文字あり、スプレッドシートのセルに入る長さを超えています。\
             ここには最初の {shown} 文字だけを表示しています。アップロードしたファイルで短くしてください。"
        ),
        Text::RowsNotShown { last } => format!(
            "ファイルが大きすぎるため、問題と一緒にここに表示できません。{last} 行目までだけを\
             表示しています。ファイルを小さく分けて、\
             それぞれアップロードしてください。"
        ),
        Text::UnreadableUpload => "アップロードされたファイルを読み取れなかったため、\
                                   Users シートは空のテンプレートです。ユーザーをコピーして\
                                   アップロードしてください。"
            .to_owned(),
    }
}

fn cell(problem: &Problem, column: Column, value: &str) -> String {
    let name = WORDS.q(WORDS.column(column));
    let quoted = WORDS.q(&shown(value));
    match problem {
        Problem::Missing => format!("{name}が空欄です。ユーザーごとに入力が必要です。"),
        Problem::ErrorCell => format!(
            "セルに表計算のエラー {value} が表示されています。値そのものに置き換えて\
             ください。"
        ),
        Problem::NoResult => format!(
            "{name}は数式で、その結果がファイルに保存されていないため、表示される値が\
             わかりません。表計算ソフトでファイルを開いて保存し、もう一度アップロードして\
             ください（または数式の代わりに値を入力してください）。"
        ),
        Problem::NotANumber => format!(
            "{name}のセルはファイル上で数値とされていますが、{quoted}が入っているため、\
             表計算ソフトでどう表示されるかわかりません。表計算ソフトでファイルを開き、値を入力し直して\
             保存し、もう一度アップロードしてください。"
        ),
        Problem::NoDate => format!(
            "{name}はExcelで#####と表示されます。セルには日付または時刻の書式で数値{quoted}が\
             入っていますが、この数値に当たる日付や時刻はありません。セルの書式を文字列にして値を\
             入力し直し、ファイルを保存してもう一度アップロードしてください。"
        ),
        Problem::Control => format!(
            "{name}にタブ、改行、またはその他の制御文字が含まれています。値は 1 行で入力して\
             ください。"
        ),
        Problem::NotIn { encoding: page } => format!("{name} には、ファイルを読み取った文字コード {} では文字にならないバイトが含まれています（\u{FFFD} と表示）。「CSV UTF-8」で保存し（Excel では「名前を付けて保存」→「CSV UTF-8 (コンマ区切り)」）、もう一度アップロードしてください。", encoding(page)),
        Problem::Cesu8 => format!("{name} には、Oracle や Java が「UTF8」として書く形式（CESU-8）の文字が含まれています。これは表計算ソフトが読む UTF-8 ではありません。表計算ソフトでファイルを「CSV UTF-8」として保存し、もう一度アップロードしてください。"),
        Problem::UnsureEncoding => format!("{name} には、ファイルから文字コードを判断できない文字が含まれているため、推測はしていません。ファイルを「CSV UTF-8」で保存し（Excel では「名前を付けて保存」→「CSV UTF-8 (コンマ区切り)」）、もう一度アップロードしてください。"),
        Problem::Unreadable => format!(
            "{name}に読み取れない文字（\u{FFFD} と表示）があります。ファイルが読み取りに使った\
             文字コードで保存されていません。「CSV UTF-8」形式（Excel では「名前を付けて\
             保存」の「CSV UTF-8 (コンマ区切り)」）で保存して、もう一度アップロードして\
             ください。"
        ),
        Problem::TooLong { chars, max } => {
            format!("{name}は {chars} 文字あります。{max} 文字以内にしてください。")
        }
        Problem::Unsafe { first } => format!(
            "{quoted}は「{first}」で始まっています。表計算ソフトはこれを数式として扱います。\
             先頭の「{first}」を削除してください。"
        ),
        Problem::UserType => format!(
            "{quoted}はユーザー種別ではありません。標準または特権を入力するか、標準にする場合は\
             空欄のままにしてください。"
        ),
        Problem::Email(EmailProblem::Space) => format!(
            "{quoted}にスペースが含まれています。メールアドレスにスペースは使えません。\
             削除してください。"
        ),
        Problem::Email(EmailProblem::Hidden) => format!(
            "{quoted}に、改行しないスペースや幅のないスペースなどの見えない文字が含まれて\
             います（コピーと貼り付けで紛れ込みがちです）。アドレスを入力し直してください。"
        ),
        Problem::Email(EmailProblem::DisplayName) => format!(
            "{quoted}は名前とアドレスの組み合わせです。name@example.com の形で、アドレス\
             だけを入力してください。"
        ),
        Problem::Email(EmailProblem::ManyAts) => format!(
            "{quoted}に @ が 2 つ以上あります。1 つのセルに 1 つのアドレスを、\
             name@example.com の形で入力してください。"
        ),
        Problem::Email(EmailProblem::Form) => format!(
            "{quoted}はメールアドレスではありません。name@example.com の形で入力して\
             ください。"
        ),
        Problem::UnknownSite { allowed } => format!(
            "{quoted}は登録された拠点ではありません。{}のいずれかを入力するか、既定の拠点に\
             する場合は空欄のままにしてください。",
            (WORDS.list)(&WORDS.quoted(allowed))
        ),
        Problem::EmailDomain { allowed } => format!(
            "{value} は組織のドメインのアドレスではありません。{} のアドレスを使って\
             ください。",
            domain_list(allowed, "または", |n| format!("ほか {n} 件のいずれか"))
        ),
        Problem::EmailExists => format!(
            "{value} にはすでにアカウントがあります。この行を削除するか、別のアドレスを\
             使ってください。"
        ),
    }
}

fn encoding(name: &str) -> String {
    super::encoding(
        name,
        &[
            "中欧",
            "キリル文字",
            "西欧",
            "ギリシャ語",
            "トルコ語",
            "ヘブライ語",
            "アラビア語",
            "バルト語",
            "ベトナム語",
            "タイ語",
            "日本語",
            "簡体字中国語",
            "繁体字中国語",
            "韓国語",
        ],
    )
}
