//! Português.

use super::{domain_list, join, numbers, rows_listed, shown, Text, Words};
use crate::model::column::Column;
use crate::model::format::Markup;
use crate::model::problem::{EmailProblem, Problem};
use crate::model::text::column_letters;

pub(super) static WORDS: Words = Words {
    sizes: (["bytes", "KiB", "MiB"], ','),
    formats: [
        "um arquivo CSV",
        "uma pasta de trabalho do Excel (.xlsx)",
        "uma pasta de trabalho do Excel 97-2003 (.xls)",
        "uma planilha OpenDocument (.ods)",
    ],
    quotes: ["“", "”"],
    list: |items| join(items, "e"),
    users: ["usuário", "usuários"],
    columns: ["Nome de usuário", "E-mail", "Tipo de usuário", "Local"],
    headers: ["Nome de usuário*", "E-mail*", "Tipo de usuário", "Local"],
    user_types: ["Padrão", "Privilegiado"],
    row_column: |row, column, message| format!("Linha {row}, {column}: {message}"),
    row: |row, message| format!("Linha {row}: {message}"),
    summary: |count| match count {
        1 => "1 problema no arquivo:".to_owned(),
        n => format!("{n} problemas no arquivo:"),
    },
};

pub(super) fn render(text: &Text) -> String {
    match *text {
        Text::FileTooLarge {
            size: Some(size),
            max,
        } => format!(
            "O arquivo tem {size} bytes; são aceitos no máximo {max} bytes ({}). Divida os \
             usuários em arquivos menores.",
            WORDS.bytes(max)
        ),
        Text::FileTooLarge { size: None, max } => format!(
            "O arquivo passa de {max} bytes ({}), o máximo aceito. Divida os usuários em \
             arquivos menores.",
            WORDS.bytes(max)
        ),
        Text::EmptyFile => "O arquivo está vazio: não tem linha de cabeçalho nem usuários. \
                            Preencha o modelo com um usuário por linha e envie-o novamente."
            .to_owned(),
        Text::NoRows => "O arquivo tem uma linha de cabeçalho, mas nenhum usuário. Adicione \
                         um usuário por linha abaixo do cabeçalho."
            .to_owned(),
        Text::FormatNotAccepted { format, accepted } => {
            let accepted: Vec<&str> = accepted.iter().map(|f| f.extension()).collect();
            format!(
                "Arquivos no formato .{} não são aceitos aqui. Salve o arquivo como .{} e \
                 envie-o novamente.",
                format.extension(),
                accepted.join(" ou .")
            )
        }
        Text::WrongFormat { expected, actual } => format!(
            "Este arquivo não é {}, mas parece ser {}. Envie-o com a extensão correta ou \
             salve-o novamente como .{}.",
            WORDS.described(expected),
            WORDS.described(actual),
            expected.extension()
        ),
        Text::Unreadable { expected } => format!(
            "Não foi possível ler este arquivo como {}. Salve-o novamente no seu programa de \
             planilhas como .xlsx ou .csv e envie-o.",
            WORDS.described(expected)
        ),
        Text::Markup { expected, markup } => format!(
            "Este arquivo é {}, não {}. Abra-o no seu programa de planilhas, salve-o como \
             pasta de trabalho do Excel (.xlsx) ou como CSV UTF-8 e envie esse arquivo.",
            match markup {
                Markup::WebPage => "uma página da web (HTML)",
                Markup::XmlSpreadsheet => "uma planilha XML 2003",
                Markup::FlatOpenDocument => "uma planilha OpenDocument plana (.fods)",
            },
            WORDS.described(expected)
        ),
        Text::BinaryData => "Este arquivo não é texto: contém dados binários. Salve-o como CSV \
                          ou .xlsx no seu programa de planilhas e envie-o novamente."
            .to_owned(),
        Text::Utf32 => "Este arquivo é texto salvo como UTF-32, que este envio não lê. \
                          Salve-o como \"CSV UTF-8\" (no Excel: Salvar como, CSV UTF-8 \
                          (delimitado por vírgulas)) e envie-o novamente."
            .to_owned(),
        Text::TooExpanded { limit } => format!(
            "Descompactada, a pasta de trabalho passa de {}, muito mais do que uma lista de \
             usuários precisa. Copie os usuários para uma nova pasta de trabalho (ou para o \
             modelo) e envie-a.",
            WORDS.bytes(limit)
        ),
        Text::Encrypted => "A pasta de trabalho está protegida por senha. Remova a senha (ou \
                            salve uma cópia sem proteção) e envie-a novamente."
            .to_owned(),
        Text::NoSheet => "A pasta de trabalho não tem nenhuma planilha. Preencha a planilha \
                          Users do modelo e envie-a novamente."
            .to_owned(),
        Text::NotBuiltIn { format } => format!(
            "Arquivos no formato .{} não são aceitos aqui. Salve o arquivo como .xlsx e \
             envie-o novamente.",
            format.extension()
        ),
        Text::DuplicateColumn {
            column,
            first,
            second,
        } => format!(
            "As colunas {} e {} são ambas {}. Mantenha uma e exclua a outra.",
            column_letters(first),
            column_letters(second),
            WORDS.q(WORDS.column(column))
        ),
        Text::UnknownColumn { index, header } => format!(
            "A coluna {} tem o cabeçalho {}, que não é uma coluna conhecida. As colunas são \
             {}. Renomeie o cabeçalho ou exclua a coluna.",
            column_letters(index),
            WORDS.q(&shown(header)),
            WORDS.columns()
        ),
        Text::HeaderTooWide { max } => format!(
            "A linha de cabeçalho tem mais de {max} colunas. Mantenha só as colunas {}.",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count: 1 } => format!(
            "Mais 1 célula do cabeçalho é uma coluna desconhecida ou repetida. Mantenha só as \
             colunas {}, cada uma uma vez.",
            WORDS.columns()
        ),
        Text::MoreHeaderCells { count } => format!(
            "Mais {count} células do cabeçalho são colunas desconhecidas ou repetidas. \
             Mantenha só as colunas {}, cada uma uma vez.",
            WORDS.columns()
        ),
        Text::MissingColumn { column } => format!(
            "A linha de cabeçalho não tem a coluna {}. Adicione uma coluna com o cabeçalho \
             {}.",
            WORDS.q(WORDS.column(column)),
            WORDS.q(WORDS.header(column))
        ),
        Text::TooManyRows { limit } => format!(
            "O arquivo tem mais de {}; esta é a primeira linha além do limite. Divida os \
             usuários em arquivos de no máximo {}.",
            WORDS.users(limit),
            WORDS.users(limit)
        ),
        Text::ExtraValue {
            index,
            more,
            at_least,
        } => {
            let at_least = if at_least { "pelo menos " } else { "" };
            let others = match more {
                0 => String::new(),
                1 => format!(" (e {at_least}mais 1 coluna)"),
                n => format!(" (e {at_least}mais {n} colunas)"),
            };
            format!(
                "A coluna {}{others} tem um valor, mas não tem cabeçalho. Apague o valor ou \
                 dê um cabeçalho à coluna.",
                column_letters(index)
            )
        }
        Text::DuplicateEmail { address, first } => format!(
            "{address} já é usado na linha {first}. Cada usuário precisa do seu próprio \
             endereço de e-mail."
        ),
        Text::Cell {
            problem,
            column,
            value,
        } => cell(problem, column, value),
        Text::EncodingGuessed { name } => format!(
            "O arquivo não está em UTF-8, então os caracteres foram lidos como {}. Se os \
             nomes parecerem errados, salve o arquivo como “CSV UTF-8” e envie-o novamente.",
            encoding(name)
        ),
        Text::InvisibleRemoved => "Caracteres invisíveis (como marcas de direção ou espaços \
                                   de largura zero, muitas vezes deixados ao copiar e colar) \
                                   foram removidos dos valores desta linha."
            .to_owned(),
        Text::MergedSpread => "Uma célula mesclada cobre esta linha: o valor dela foi usado \
                               em cada célula que ela cobre, como a planilha mostra."
            .to_owned(),
        Text::ColumnRule {
            column,
            default_site,
        } => match column {
            Column::UserName => format!(
                "Obrigatório. O nome completo da pessoa, no máximo {} caracteres. Não pode \
                 começar com =, +, - ou @.",
                crate::model::column::MAX_NAME_CHARS
            ),
            Column::Email => format!(
                "Obrigatório. Um endereço de e-mail como nome@exemplo.com, no máximo {} \
                 caracteres. Cada usuário precisa do seu próprio endereço.",
                crate::model::column::MAX_EMAIL_CHARS
            ),
            Column::UserType => "Padrão ou Privilegiado. Deixe vazio para Padrão.".to_owned(),
            Column::Site => format!(
                "O local ou escritório da pessoa, no máximo {} caracteres. Deixe vazio para \
                 {default_site}. Não pode começar com =, +, - ou @.",
                crate::model::column::MAX_SITE_CHARS
            ),
        },
        Text::TemplateTitle => "Como preencher este modelo".to_owned(),
        Text::RuleOneUserPerRow => "Coloque um usuário em cada linha da planilha Users, \
                                    abaixo do cabeçalho. Não altere nem mova a linha de \
                                    cabeçalho."
            .to_owned(),
        Text::RuleRequired => "As colunas marcadas com * são obrigatórias. Linhas vazias são \
                               ignoradas."
            .to_owned(),
        Text::RuleLimits { rows, bytes: max } => format!(
            "No máximo {} por arquivo, e arquivos de no máximo {}. Divida listas maiores \
             em vários arquivos.",
            WORDS.users(rows),
            WORDS.bytes(max)
        ),
        Text::RuleUniqueEmail => {
            "Cada endereço de e-mail pode aparecer só uma vez no arquivo.".to_owned()
        }
        Text::RuleDomains { domains } => {
            format!("Use um endereço de e-mail de {}.", join(domains, "ou"))
        }
        Text::RuleNewPeopleOnly => {
            "Adicione apenas pessoas que ainda não têm uma conta.".to_owned()
        }
        Text::RuleFormats => "Salve o arquivo como pasta de trabalho do Excel (.xlsx) ou como \
                              CSV (.csv, em UTF-8 se o programa perguntar). OpenDocument \
                              (.ods) e Excel 97-2003 (.xls) também servem."
            .to_owned(),
        Text::RuleAllOrNothing => "O arquivo inteiro é verificado de uma vez: se algo estiver \
                                   errado, nada é importado e você recebe a lista de todos os \
                                   problemas com o número da linha. Corrija-os e envie \
                                   novamente."
            .to_owned(),
        Text::RuleSites { sites } => {
            format!("O local deve ser um destes: {}.", sites.join(", "))
        }
        Text::ColumnHeading => "Coluna".to_owned(),
        Text::RuleHeading => "Regra".to_owned(),
        Text::SitesHeading => "Locais".to_owned(),
        Text::UserTypeInputTitle => "Tipo de usuário".to_owned(),
        Text::UserTypeInputMessage => "Padrão ou Privilegiado. Deixe vazio para Padrão.".to_owned(),
        Text::UserTypeErrorTitle => "Não é um tipo de usuário".to_owned(),
        Text::UserTypeErrorMessage => "Escolha Padrão ou Privilegiado na lista, ou deixe a \
                                       célula vazia para Padrão."
            .to_owned(),
        Text::SiteErrorTitle => "Não é um dos locais".to_owned(),
        Text::SiteErrorMessage { default_site } => {
            format!("Escolha um local da lista, ou deixe a célula vazia para {default_site}.")
        }
        Text::RowHeading => "Linha".to_owned(),
        Text::ErrorsHeading => "Erros".to_owned(),
        Text::ProblemsSheetTitle => "Problemas".to_owned(),
        Text::ProblemHeading => "Problema".to_owned(),
        Text::SplitFile { users, limit } => format!(
            "O arquivo tem {users} usuários; no máximo {limit} {} de uma vez. Divida-os em \
             arquivos de no máximo {} e envie cada um.",
            if limit == 1 {
                "pode ser adicionado"
            } else {
                "podem ser adicionados"
            },
            WORDS.users(limit)
        ),
        Text::DidYouMean { meant } => format!(" Você quis dizer {}?", WORDS.q(meant)),
        Text::KnownList {
            system,
            used,
            ignored,
        } => format!(
            "Esta é uma lista do {system}: lida a partir das colunas {}; as outras \
             {ignored} colunas foram ignoradas.",
            (WORDS.list)(&WORDS.quoted(used))
        ),
        Text::NamesJoined {
            display_name: false,
        } => "Cada nome de usuário é o nome e o \
                                                      sobrenome unidos por um espaço."
            .to_owned(),
        Text::NamesJoined { display_name: true } => "Onde o nome de exibição está vazio, o \
                                                     nome de usuário é o nome e o sobrenome \
                                                     unidos por um espaço."
            .to_owned(),
        Text::RowsAboveHeader { rows } => format!(
            "O cabeçalho está nesta linha; {} acima ({}) {} ignorada{}.",
            if rows.len() == 1 {
                "a linha"
            } else {
                "as linhas"
            },
            numbers(rows),
            if rows.len() == 1 { "foi" } else { "foram" },
            if rows.len() == 1 { "" } else { "s" }
        ),
        Text::ExampleRow { system } => format!(
            "Esta é a linha de exemplo do modelo do {system}, não uma pessoa a adicionar. \
             Exclua a linha."
        ),
        Text::HiddenRows { rows, more } => {
            let listed = rows_listed(rows, more, |more| format!("e mais {more}"));
            if rows.len() + more == 1 {
                format!("A linha {listed} está oculta na planilha e foi lida como as outras.")
            } else {
                format!(
                    "As linhas {listed} estão ocultas na planilha e foram lidas como as outras."
                )
            }
        }
        Text::Utf16WithoutBom { name } => {
            format!("O arquivo é texto {name} sem a marca que o indica; foi lido como {name}.")
        }
        Text::NulPadding => {
            "O arquivo termina com bytes nulos que não são texto; eles foram ignorados.".to_owned()
        }
        Text::ValueCut { length, shown } => format!(
            "Este valor tem {length} caracteres, mais do que cabe em uma célula de planilha: \
             aqui são mostrados apenas os primeiros {shown}. Encurte-o no arquivo enviado."
        ),
        Text::RowsNotShown { last } => format!(
            "O arquivo é grande demais para ser mostrado aqui com seus problemas: só são \
             mostradas as linhas até a {last}. \
             Divida-o em arquivos menores e envie cada um."
        ),
        Text::UnreadableUpload => "Não foi possível ler o arquivo enviado, por isso a \
                                   planilha Users é o modelo vazio: copie os usuários para ela \
                                   e envie-a."
            .to_owned(),
    }
}

fn cell(problem: &Problem, column: Column, value: &str) -> String {
    let name = WORDS.q(WORDS.column(column));
    let quoted = WORDS.q(&shown(value));
    match problem {
        Problem::Missing => match column {
            Column::Email => "O e-mail está vazio. Cada usuário precisa de um endereço de \
                              e-mail."
                .to_owned(),
            Column::UserName => {
                "O nome de usuário está vazio. Cada usuário precisa de um nome.".to_owned()
            }
            _ => format!("{name} está vazio."),
        },
        Problem::ErrorCell => {
            format!("A célula mostra o erro de planilha {value}. Substitua-o pelo próprio valor.")
        }
        Problem::NoResult => format!(
            "{name} é uma fórmula cujo resultado não está salvo no arquivo, então não se sabe \
             o que ela mostra. Abra o arquivo no seu programa de planilhas, salve-o e \
             envie-o novamente (ou digite o valor em vez da fórmula)."
        ),
        Problem::NotANumber => format!(
            "{name} contém {quoted} numa célula que o arquivo marca como número, então não se \
             sabe o que uma planilha mostra. Abra o arquivo no seu programa de planilhas, \
             digite o valor novamente, salve-o e envie-o novamente."
        ),
        Problem::NoDate => format!(
            "{name} mostra ##### no Excel: a célula contém o número {quoted} num formato de \
             data ou hora, e nenhuma data ou hora tem esse número. Formate a célula como Texto, \
             digite o valor novamente, salve o arquivo e envie-o novamente."
        ),
        Problem::Control => format!(
            "{name} contém uma tabulação, uma quebra de linha ou outro caractere de \
             controle. Digite o valor em uma única linha."
        ),
        Problem::NotIn { encoding: page } => format!("{name} tem bytes que não são nenhum caractere em {} (mostrados como \u{FFFD}), a codificação em que o arquivo foi lido. Salve-o como \"CSV UTF-8\" (no Excel: Salvar como, CSV UTF-8 (delimitado por vírgulas)) e envie-o novamente.", encoding(page)),
        Problem::Cesu8 => format!("{name} tem caracteres escritos como o Oracle e o Java escrevem \"UTF8\" (CESU-8), que não é o UTF-8 que as planilhas leem. Salve o arquivo como \"CSV UTF-8\" em um programa de planilhas e envie-o novamente."),
        Problem::UnsureEncoding => format!("{name} tem letras acentuadas cuja codificação não pôde ser determinada a partir do arquivo, por isso não são adivinhadas. Salve o arquivo como \"CSV UTF-8\" (no Excel: Salvar como, CSV UTF-8 (delimitado por vírgulas)) e envie-o novamente."),
        Problem::Unreadable => format!(
            "{name} tem caracteres que não puderam ser lidos (mostrados como \u{FFFD}): o \
             arquivo não está na codificação em que foi lido. Salve-o como “CSV UTF-8” (no \
             Excel: Salvar como, CSV UTF-8 (delimitado por vírgulas)) e envie-o novamente."
        ),
        Problem::TooLong { chars, max } => {
            format!("{name} tem {chars} caracteres; são permitidos no máximo {max}. Encurte-o.")
        }
        Problem::Unsafe { first } => format!(
            "{quoted} começa com “{first}”, que os programas de planilha tratam como \
             fórmula. Remova o “{first}” do início."
        ),
        Problem::UserType => format!(
            "{quoted} não é um tipo de usuário. Use Padrão ou Privilegiado, ou deixe a célula \
             vazia para Padrão."
        ),
        Problem::Email(EmailProblem::Space) => {
            format!("{quoted} contém um espaço. Um endereço de e-mail não tem espaços; remova-os.")
        }
        Problem::Email(EmailProblem::Hidden) => format!(
            "{quoted} contém um caractere oculto, como um espaço não separável ou de largura \
             zero, muitas vezes deixado ao copiar e colar. Digite o endereço novamente."
        ),
        Problem::Email(EmailProblem::DisplayName) => format!(
            "{quoted} é um nome com um endereço. Escreva só o endereço, na forma \
             nome@exemplo.com."
        ),
        Problem::Email(EmailProblem::ManyAts) => format!(
            "{quoted} tem mais de um @. Escreva um endereço por célula, na forma \
             nome@exemplo.com."
        ),
        Problem::Email(EmailProblem::Form) => {
            format!("{quoted} não é um endereço de e-mail. Use a forma nome@exemplo.com.")
        }
        Problem::UnknownSite { allowed } => format!(
            "{quoted} não é um dos locais. Use {}, ou deixe a célula vazia para o local \
             padrão.",
            WORDS.quoted_join(allowed, "ou")
        ),
        Problem::EmailDomain { allowed } => format!(
            "{value} não pertence a nenhum dos domínios da organização. Use um endereço de \
             {}.",
            domain_list(allowed, "ou", |n| format!("um de outros {n}"))
        ),
        Problem::EmailExists => {
            format!("{value} já tem uma conta. Remova esta linha ou use outro endereço.")
        }
    }
}

fn encoding(name: &str) -> String {
    super::encoding(
        name,
        &[
            "Europeu central",
            "Cirílico",
            "Europeu ocidental",
            "Grego",
            "Turco",
            "Hebraico",
            "Árabe",
            "Báltico",
            "Vietnamita",
            "Tailandês",
            "Japonês",
            "Chinês simplificado",
            "Chinês tradicional",
            "Coreano",
        ],
    )
}
