import Testing
import BrowseConfiguration

@Suite("The known name a mistyped one was meant to be")
struct NearestNameTests {
    private let commands = ["list", "sync", "search", "index"]

    @Test func oneEditOrASwapAwayIsFound() {
        #expect(NearestName.to("lsit", among: commands) == "list")
        #expect(NearestName.to("lst", among: commands) == "list")
        #expect(NearestName.to("snyc", among: commands) == "sync")
        #expect(NearestName.to("serch", among: commands) == "search")
        #expect(NearestName.to("INDX", among: commands) == "index")
        #expect(NearestName.to("api_kye", among: Profile.knownKeys) == "api_key")
        #expect(NearestName.to("timout", among: Profile.knownKeys) == "timeout")
    }

    @Test func longerNamesAllowTwoEditsShortOnesOne() {
        #expect(NearestName.to("searhc", among: commands) == "search")
        #expect(NearestName.to("base_ulr", among: Profile.knownKeys) == "base_url")
        #expect(NearestName.to("lxsx", among: commands) == nil)
    }

    @Test func aKnownNameOrAFarOneGetsNoGuess() {
        #expect(NearestName.to("list", among: commands) == nil)
        #expect(NearestName.to("conversations", among: commands) == nil)
        #expect(NearestName.to("", among: commands) == nil)
        #expect(NearestName.to("x", among: []) == nil)
    }
}
