/// Realistic conversation names, a few in other scripts and with emoji, so that a browser
/// meets accents, wide CJK characters, right-to-left text and emoji in ordinary data.
enum ConversationNames {
    static let people = [
        "Dana", "Hassaan", "Priya", "Mateo", "Zoë", "Chloé", "Søren", "José", "Aleksandr", "Nnamdi",
        "Mei", "Olivia", "Noah", "Fatima", "Liam", "Ingrid", "Rafael", "Amélie", "Kwame", "Sofía",
        "Björn", "Anya", "Tomás", "Grace", "Yusuf", "Elif", "Marco", "Hannah", "Ravi", "Léa",
    ]
    static let companies = [
        "Acme Corp", "Globex", "Initech", "Northwind", "Café Lumière", "São Paulo Labs", "Umbrella Health",
        "Blue Harbor Bank", "Kōbe Robotics", "Fjord Analytics", "Zürich Re", "Brightline Retail",
    ]
    static let roles = [
        "product manager", "backend engineer", "account executive", "nurse practitioner",
        "data analyst", "customer success lead", "UX designer", "store manager",
    ]
    static let japaneseSurnames = ["田中", "佐藤", "鈴木", "高橋", "渡辺"]
    static let chineseNames = ["王伟", "李娜", "张敏", "刘洋"]
    static let arabicNames = ["ليلى", "أحمد", "يوسف", "مريم"]
    static let hebrewNames = ["נועה", "דוד", "תמר", "יונתן"]

    static func make(using random: inout SplitMix64) -> String {
        let person = people.pick(using: &random)
        let company = companies.pick(using: &random)
        let everyday: [String] = [
            "Onboarding call - \(person)",
            "Quarterly review with \(person)",
            "Sales practice",
            "Sales practice - \(person)",
            "Pricing objection drill",
            "A Meeting with \(person)",
            "Support call — \(company)",
            "Product demo for \(company)",
            "Customer check-in: \(company)",
            "Interview practice: \(roles.pick(using: &random))",
            "Coaching session #\(Int.random(in: 1...40, using: &random))",
            "Renewal conversation — \(company)",
            "Café chat with \(person)",
        ]
        let unusual: [String] = [
            "Visita em São Paulo — \(person)",
            "Zoë's onboarding",
            "Kundengespräch mit \(person)",
            "Entrevista de práctica — \(person)",
            "🚀 Launch prep",
            "🚀 Launch prep — \(company)",
            "Demo ✨ \(company)",
            "Weekly sync 📅 \(person)",
            "面接練習 — \(japaneseSurnames.pick(using: &random))さん",
            "新人研修 — \(japaneseSurnames.pick(using: &random))さん",
            "客户回访 — \(chineseNames.pick(using: &random))",
            "مكالمة دعم — \(arabicNames.pick(using: &random))",
            "שיחת היכרות — \(hebrewNames.pick(using: &random))",
        ]
        return random.chance(0.8) ? everyday.pick(using: &random) : unusual.pick(using: &random)
    }
}
