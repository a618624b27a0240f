/// Latin spellings of the Cyrillic, Greek, Hebrew and Arabic letters that official lists print
/// names in ("ПАО Группа Позитив", "Κυβερνοασφάλεια", "סייבר", "شركة"), so that a record that
/// spells a name in Latin letters can be compared with them. One fixed table per script, close to
/// the romanisations the lists themselves use (BGN/PCGN for Cyrillic, ELOT 743 for Greek,
/// simplified for Hebrew and Arabic, whose vowels are mostly unwritten: the Hebrew letters that
/// also write vowels, vav and yod, are read as the vowels `u` and `i`, as they are in foreign
/// company names): deterministic and
/// independent of the platform's ICU.
enum Transliteration {
    /// `text` with every letter of the four scripts replaced by its Latin spelling (lower case).
    static func latin(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x370 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let latin = table[scalar.value] {
                result += latin
            } else if let lower = table[Character(scalar).lowercased().unicodeScalars.first!.value],
                scalar.properties.isUppercase
            {
                result += lower
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static let table: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        func add(_ letters: String, _ spellings: [String]) {
            for (scalar, spelling) in zip(letters.unicodeScalars, spellings) { table[scalar.value] = spelling }
        }
        // Cyrillic (Russian, Bulgarian, Ukrainian, Belarusian, Serbian, Macedonian letters).
        add(
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
            [
                "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
                "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
            ])
        add("єіїґўђјљњћџѓќѕ", ["ye", "i", "yi", "g", "u", "dj", "j", "lj", "nj", "c", "dz", "gj", "kj", "dz"])
        // Greek (monotonic and tonos forms).
        add(
            "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
            [
                "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t",
                "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o", "i", "y", "i", "y",
            ])
        // Hebrew (consonants; final forms as the plain letters).
        add(
            "אבגדהוזחטיכךלמםנןסעפףצץקרשת",
            [
                "a", "b", "g", "d", "h", "u", "z", "ch", "t", "i", "k", "k", "l", "m", "m", "n", "n", "s", "",
                "p", "p", "ts", "ts", "k", "r", "sh", "t",
            ])
        // Arabic (consonants and long vowels).
        add(
            "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي",
            [
                "", "a", "a", "w", "i", "y", "a", "b", "a", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s",
                "sh", "s", "d", "t", "z", "", "gh", "f", "q", "k", "l", "m", "n", "h", "w", "a", "y",
            ])
        return table
    }()
}
