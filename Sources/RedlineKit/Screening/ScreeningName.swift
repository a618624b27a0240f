import Foundation

/// A name made comparable: transliterated to Latin, case and diacritics folded, punctuation
/// removed, single letters joined (`S.A.` → `sa`), multi-word legal forms made one token
/// (`joint stock company` → `jsc`), every legal form spelt one way (`limited` → `ltd`), and each
/// token tagged: a distinctive word, a generic word (`group`, `technologies`…), a legal form or
/// a number. Generic words and legal forms are kept, with less weight (``ScreeningMatcher``):
/// dropped, "Positive Ltd" would be "Positive Technologies".
public struct ScreeningName: Sendable, Hashable {
    /// What a token is, for its weight in a match.
    public enum TokenClass: Sendable, Hashable {
        case word, generic, legalForm, number
    }

    public struct Token: Sendable, Hashable {
        public var text: String
        public var kind: TokenClass
        /// The letters, for edit distances (computed once).
        var scalars: [Unicode.Scalar]
        /// The letters as they sound (``ScreeningName/phonetic(_:)``).
        var sound: [Unicode.Scalar]

        /// The token's weight in a score (``ScreeningMatcher``).
        var weight: Double
        /// A word, distinctive or generic (not a legal form or number).
        var spelt: Bool

        init(text: String, kind: TokenClass) {
            self.text = text
            self.kind = kind
            scalars = Array(text.unicodeScalars)
            sound = Array(ScreeningName.phonetic(text).unicodeScalars)
            weight = ScreeningMatcher.weight(kind)
            spelt = kind == .word || kind == .generic
        }
    }

    /// The name as written.
    public let original: String
    public let tokens: [Token]

    /// The comparison key: every token, legal forms in their one spelling, in order.
    public let key: String

    /// The key without legal forms.
    let bareKey: String
    /// Whether a legal form is among the tokens.
    let hasLegalForm: Bool
    /// Whether a distinctive word is among the tokens.
    let hasWord: Bool

    /// Whether two names are the same name: equal keys, or equal without legal forms when only
    /// one of them has any (lists often leave the form out: "NSO Group" for "NSO Group Ltd") and
    /// a distinctive word remains. Two different legal forms are two legal persons: not the same.
    public func isSame(as other: ScreeningName) -> Bool {
        guard !key.isEmpty else { return false }
        if key == other.key { return true }
        guard hasLegalForm != other.hasLegalForm, hasWord else { return false }
        return bareKey == other.bareKey
    }

    /// The numbers in the name (which must agree for any match).
    let numbers: [String]
    /// The distinctive and generic words run together (`cyber tech` → `cybertech`), for names
    /// that split or join words differently.
    let joined: String
    let joinedScalars: [Unicode.Scalar]
    /// The sum of the tokens' weights.
    let weight: Double
    /// How many words (distinctive or generic) the name has.
    let speltCount: Int
    /// Its legal forms.
    let forms: Set<String>
    /// Whether a word is short enough to be an initialism (2–5 letters).
    let shortWords: Bool

    public init(_ name: String) {
        original = name
        tokens = Self.tokenize(name)
        key = tokens.map { $0.text }.joined(separator: " ")
        bareKey = tokens.filter { $0.kind != .legalForm }.map { $0.text }.joined(separator: " ")
        hasLegalForm = tokens.contains { $0.kind == .legalForm }
        hasWord = tokens.contains { $0.kind == .word }
        numbers = tokens.filter { $0.kind == .number }.map { $0.text }.sorted()
        joined = tokens.filter { $0.spelt }.map { $0.text }.joined()
        joinedScalars = Array(joined.unicodeScalars)
        weight = tokens.reduce(0) { $0 + $1.weight }
        speltCount = tokens.filter { $0.spelt }.count
        forms = Set(tokens.filter { $0.kind == .legalForm }.map { $0.text })
        shortWords = tokens.contains { $0.spelt && (2...5).contains($0.scalars.count) }
    }

    /// A token as it sounds, roughly: the letters that romanisations swap made one
    /// (`c`/`k`/`q`, `ph`/`f`, `w`/`v`, `y`/`i`, `x`/`ks`, `kh`/`h`) and doubled letters single.
    static func phonetic(_ text: String) -> String {
        let letters = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        func add(_ scalar: Unicode.Scalar) {
            if result.last != scalar { result.append(scalar) }
        }
        var index = 0
        while index < letters.count {
            let letter = letters[index]
            let next = index + 1 < letters.count ? letters[index + 1] : nil
            if next == "h", letter == "p" || letter == "k" {
                add(letter == "p" ? "f" : "h")
                index += 2
                continue
            }
            if letter == "c", next == "k" {
                add("k")
                index += 2
                continue
            }
            switch letter {
            case "x":
                add("k")
                add("s")
            case "c", "q": add("k")
            case "w": add("v")
            case "y": add("i")
            default: add(letter)
            }
            index += 1
        }
        return String(result)
    }

    // MARK: - Tokens

    static func tokenize(_ name: String) -> [Token] {
        var text = Transliteration.latin(name.replacingOccurrences(of: "&", with: " and "))
        // Letters that case and diacritic folding keep apart (ł, ø, æ, ß…).
        if text.unicodeScalars.contains(where: { $0.value >= 0xC0 }) {
            for (letter, plain) in extraFolds { text = text.replacingOccurrences(of: letter, with: plain) }
        }
        var words: [String] = []
        for word in NameNormalizer.words(text) {
            words += splitDigits(word).flatMap { abbreviations[$0] ?? [$0] }
        }
        words = joinLegalForms(words)
        return words.map { word in
            if let form = legalForms[word] { return Token(text: form, kind: .legalForm) }
            if word.allSatisfy(\.isNumber) { return Token(text: word, kind: .number) }
            return Token(text: word, kind: genericWords.contains(word) ? .generic : .word)
        }
    }

    static let extraFolds: [(String, String)] = [
        ("ł", "l"), ("Ł", "l"), ("ø", "o"), ("Ø", "o"), ("æ", "ae"), ("Æ", "ae"), ("ß", "ss"), ("đ", "d"),
        ("Đ", "d"), ("ı", "i"), ("œ", "oe"), ("Œ", "oe"), ("þ", "th"), ("Þ", "th"),
    ]

    /// A word of letters and digits split where they meet (`datacenter24` → `datacenter 24`), an
    /// ordinal or a spelt or Roman number written as digits (`1st`, `seven`, `ii` → `1`, `7`, `2`).
    static func splitDigits(_ word: String) -> [String] {
        if let number = numberWords[word] { return [number] }
        let hasDigit = word.contains(where: \.isNumber)
        guard hasDigit, word.contains(where: \.isLetter) else { return [word] }
        for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
            let digits = word.dropLast(2)
            if !digits.isEmpty, digits.allSatisfy(\.isNumber) { return [String(digits)] }
        }
        var parts: [String] = []
        var current = ""
        for character in word {
            if let last = current.last, last.isNumber != character.isNumber {
                parts.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    static let numberWords: [String: String] = {
        var table: [String: String] = [:]
        let words = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        ]
        for (value, word) in words.enumerated() { table[word] = String(value) }
        let ordinals = [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        ]
        for (value, word) in ordinals.enumerated() { table[word] = String(value + 1) }
        for (value, roman) in ["ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii"].enumerated() {
            table[roman] = String([2, 3, 4, 6, 7, 8, 9, 11, 12][value])
        }
        return table
    }()

    /// Abbreviations of words in company names, written out.
    static let abbreviations: [String: [String]] = [
        "intl": ["international"], "int": ["international"], "hldgs": ["holdings"], "hldg": ["holding"],
        "natl": ["national"], "inst": ["institute"], "sys": ["systems"], "syst": ["systems"], "sig": ["signal"],
        "sec": ["security"], "dtl": ["deutschland"], "spb": ["saint", "petersburg"], "st": ["saint"],
        "mgmt": ["management"], "svcs": ["services"], "svc": ["service"], "assoc": ["associates"],
        "bros": ["brothers"], "ctr": ["centre"], "center": ["centre"], "dept": ["department"], "govt": ["government"],
        "rnd": ["research", "and", "development"],
    ]

    /// Multi-word legal forms as one token.
    private static func joinLegalForms(_ words: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        outer: while index < words.count {
            for (phrase, form) in multiWordForms where index + phrase.count <= words.count {
                if Array(words[index..<(index + phrase.count)]) == phrase {
                    // A phrase that is no legal form is written out as words ("r and d").
                    if legalForms[form] == nil {
                        result += form.split(separator: " ").map(String.init)
                    } else {
                        result.append(form)
                    }
                    index += phrase.count
                    continue outer
                }
            }
            result.append(words[index])
            index += 1
        }
        return result
    }

    /// Longest first, so "public joint stock company" is read before "joint stock company".
    private static let multiWordForms: [([String], String)] = [
        (["public", "joint", "stock", "company"], "pjsc"), (["open", "joint", "stock", "company"], "ojsc"),
        (["closed", "joint", "stock", "company"], "cjsc"), (["limited", "liability", "company"], "llc"),
        (["limited", "liability", "partnership"], "llp"), (["joint", "stock", "company"], "jsc"),
        (["public", "limited", "company"], "plc"), (["private", "limited"], "pte ltd"),
        (["obshchestvo", "s", "ogranichennoy", "otvetstvennostyu"], "ooo"),
        (["zartkoruen", "mukodo", "reszvenytarsasag"], "zrt"), (["korlatolt", "felelossegu", "tarsasag"], "kft"),
        (["gesellschaft", "mit", "beschrankter", "haftung"], "gmbh"),
        (["spolka", "z", "ograniczona", "odpowiedzialnoscia"], "spzoo"),
        (["societa", "a", "responsabilita", "limitata"], "srl"), (["sociedad", "anonima"], "sa"),
        (["societe", "anonyme"], "sa"), (["anonymi", "etaireia"], "sa"), (["anonimi", "etaireia"], "sa"),
        (["akcionersko", "drustvo"], "ad"), (["aktsionerno", "druzhestvo"], "ad"), (["free", "zone", "llc"], "fzco"),
        (["free", "zone", "company"], "fzco"), (["free", "zone", "establishment"], "fzco"), (["fz", "llc"], "fzco"),
        (["r", "and", "d"], "research and development"),
        (["sp", "z", "o", "o"], "spzoo"), (["sp", "zoo"], "spzoo"), (["s", "r", "o"], "sro"),
        (["d", "o", "o"], "doo"), (["e", "o", "o", "d"], "eood"), (["pte", "ltd"], "pte ltd"),
    ]

    /// Every spelling of a legal form, to its one spelling. The Cyrillic forms arrive
    /// transliterated (ООО → ooo, ПАО → pao, ЕООД → eood).
    static let legalForms: [String: String] = {
        var forms: [String: String] = [:]
        let groups: [[String]] = [
            ["ltd", "limited", "ltda"], ["inc", "incorporated"], ["corp", "corporation"], ["co", "company"],
            ["llc"], ["llp"], ["lp"], ["plc"], ["sa"], ["sas"], ["sarl"], ["srl"], ["spa"], ["ag"], ["gmbh"],
            ["kg"], ["bv"], ["nv"], ["eood"], ["ood"], ["ead"], ["ad"], ["pte", "pte ltd"], ["pty"], ["oy", "oyj"],
            ["ab"], ["as", "asa"], ["aps"], ["kft"], ["zrt"], ["nyrt"], ["sro"], ["doo"], ["jsc"], ["pjsc"],
            ["ojsc"], ["cjsc"], ["ooo"], ["ao"], ["zao"], ["oao"], ["pao"], ["spzoo"], ["se"], ["bhd", "sdn bhd"],
            ["fzco", "fze", "fzllc"], ["kk"], ["sl"],
        ]
        for group in groups {
            for spelling in group { forms[spelling] = group[0] }
        }
        return forms
    }()

    /// Words that describe a kind of business rather than name one.
    static let genericWords: Set<String> = [
        "group", "groups", "holding", "holdings", "technologies", "technology", "tech", "systems", "system",
        "solutions", "solution", "international", "intl", "global", "services", "service", "consulting",
        "consultancy", "security", "software", "networks", "network", "communications", "communication", "labs",
        "lab", "industries", "industry", "trading", "enterprises", "enterprise", "partners", "capital",
        "investments", "investment", "research", "development", "intelligence", "defence", "defense", "cyber",
        "digital", "data", "information", "electronics", "engineering", "management", "ventures", "the", "and",
        "of", "for", "de", "la", "le", "du", "des", "und", "et", "y", "e", "i", "gruppa", "grupa", "gruppe",
    ]
}
