import TavusAPI
import Testing

@Suite("JSON values over lines")
struct JSONValuePrettyTests {
    @Test func containersIndentTwoSpacesAKeysSorted() {
        let schema: JSONValue = .object([
            "type": .string("object"),
            "required": .array([.string("number")]),
            "properties": .object(["number": .object(["type": .string("string")])]),
            "empty": .array([]),
        ])
        #expect(schema.prettyText() == """
            {
              "empty": [],
              "properties": {
                "number": {
                  "type": "string"
                }
              },
              "required": [
                "number"
              ],
              "type": "object"
            }
            """)
    }

    @Test func aPlainValueIsItsCompactText() {
        #expect(JSONValue.string("a \"b\"").prettyText() == #""a \"b\"""#)
        #expect(JSONValue.object([:]).prettyText() == "{}")
        #expect(JSONValue.null.prettyText() == "null")
    }
}
