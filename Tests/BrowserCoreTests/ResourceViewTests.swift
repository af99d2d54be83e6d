import BrowserCore
import TavusAPI
import Testing

@Suite("Views: personas and replicas beside conversations")
struct ResourceViewTests {
    @Test func colonPersonasAsksForTheFirstPageOfPersonas() {
        var browser = Browser.showing(page: 1)
        let id = browser.state.nextRequestID
        #expect(browser.command("personas") == [.loadResourcePage(Sample.personaKey(1), requestID: id, reload: false)])
        #expect(browser.state.keyContext == .resourceList)
        #expect(browser.screen.contains("Loading personas…"))
        browser.answerResource(total: 5)
        #expect(browser.screen.contains("Sales Coach Rhea"))
        #expect(browser.screen.contains("DEFAULT REPLICA"))
        #expect(!browser.screen.contains("tavus-llama"), "the LLM column shows from 110 columns")
        #expect(browser.header.contains("personas") && browser.header.contains("page 1/1") && browser.header.contains("5 total"))
    }

    @Test(arguments: [("pals", ResourceKind.personas), ("faces", .replicas), ("replicas", .replicas), ("PERSONAS", .personas)])
    func aliasesNameTheSameViews(_ name: String, _ kind: ResourceKind) {
        var browser = Browser.showing(page: 1)
        browser.command(name)
        #expect(browser.state.views.last?.kind == kind)
    }

    @Test func replicaNamesFillTheDefaultReplicaColumn() {
        var browser = Browser.showingView(.personas, size: TerminalSize(rows: 30, columns: 140))
        #expect(browser.screen.contains(Sample.replicaID(0)), "the id until the name is known")
        browser.send(.namesFound(NameDirectory.Names(replicas: [Sample.replicaID(0): "Anna (studio)"]), failure: nil))
        #expect(browser.screen.contains("Anna (studio)"))
        #expect(browser.screen.contains("LLM") && browser.screen.contains("tavus-llama") && browser.screen.contains("CREATED (UTC)"))
    }

    @Test func aReplicaInErrorIsHighlighted() {
        let browser = Browser.showingView(.replicas, size: TerminalSize(rows: 30, columns: 140))
        let screen = browser.screen
        let row = try! #require(screen.lines.firstIndex { $0.contains(Sample.replicaNames[1]) })
        let column = try! #require(screen.lines[row].range(of: "error")).lowerBound.utf16Offset(in: screen.lines[row])
        #expect(screen[row, column].style == .error)
        #expect(screen.contains("12/100") && screen.contains("TRAINING"))
    }

    @Test func fCyclesTheTypeFilter() {
        var browser = Browser.showingView(.replicas)
        for filter in ["user", "system", "all"] {
            let id = browser.state.nextRequestID
            #expect(browser.press(.char("f")) == [.loadResourcePage(Sample.replicaKey(1, filter: filter), requestID: id, reload: false)])
            browser.answerResource(total: 3)
            #expect(browser.header.contains("filter: \(filter)"))
        }
    }

    @Test func nAndPPageTheView() {
        var browser = Browser.showingView(.personas, total: 45)
        #expect(browser.effects.contains(.prefetchResource(Sample.personaKey(2))))
        let id = browser.state.nextRequestID
        #expect(browser.press(.char("n")) == [.loadResourcePage(Sample.personaKey(2), requestID: id, reload: false)])
        browser.answerResource(total: 45)
        #expect(browser.header.contains("page 2/3"))
        browser.command("3")
        browser.answerResource(total: 45)
        #expect(browser.header.contains("page 3/3"))
        browser.press(.char("n"))
        #expect(browser.state.message == .info("This is the last page"))
        #expect(browser.state.pageNumber == 1, "the conversations stay on their page")
    }

    @Test func enterOpensAPersonasPaneFromItsRow() {
        var browser = Browser.showingView(.personas, size: TerminalSize(rows: 40, columns: 160))
        #expect(browser.press(.enter) == [.lookUpNames([.documents: ["d1a2b3c4"], .replicas: ["r00090bbd427"]])],
                "the row holds the whole persona: no request but the names of what it links to")
        let screen = browser.screen
        for text in ["Persona", "System prompt", "You are Sales Coach Rhea, a patient coach.", "Ask one question at a time.",
                     "Context", "invoices software", "Layers", "tavus-llama", "cartesia", "raven-0", "Documents", "d1a2b3c4", "pricing"] {
            #expect(screen.contains(text), "\(text)")
        }
        #expect(browser.state.keyContext == .resourcePane)
        browser.press(.escape)
        #expect(browser.state.views.last?.pane == nil)
        #expect(browser.state.keyContext == .resourceList)
        browser.press(.escape)
        #expect(browser.state.views.isEmpty, "Esc on a view's list goes back")
    }

    @Test func aReplicasPaneOpensAndCopiesItsVideo() {
        var browser = Browser.showingView(.replicas, size: TerminalSize(rows: 30, columns: 160))
        browser.press(.down)
        #expect(browser.press(.enter) == [.loadRecord(.replicas, id: Sample.replicaID(1))], "the replica's own record has its error")
        #expect(browser.screen.contains("Ben (office)"), "the row is shown until the record comes")
        var record = Sample.replica(1)
        record.errorMessage = "No face found in the training video"
        browser.send(.recordLoaded(.replicas, id: Sample.replicaID(1), ReplicaResource.row(record)))
        #expect(browser.screen.contains("No face found in the training video"))
        let url = "https://cdn.example.com/replicas/\(Sample.replicaID(1)).mp4"
        #expect(browser.press(.char("o")) == [.openURL(url)])
        #expect(browser.press(.char("y")) == [.copyToClipboard(url)])
        #expect(browser.press(.char("Y")) == [.copyToClipboard(Sample.replicaID(1))])
    }

    @Test func aPersonaHasNoURLToOpen() {
        var browser = Browser.showingView(.personas)
        browser.press(.enter)
        #expect(browser.press(.char("o")).isEmpty)
        #expect(browser.state.message == .warning("This persona has no URL"))
    }

    @Test func colonConversationsReturnsToTheConversationsAsTheyWere() {
        var browser = Browser.showing(page: 2)
        browser.press(.down, times: 3)
        let before = browser.state
        browser.command("replicas")
        browser.answerResource()
        browser.command("conversations")
        #expect(browser.state.views.isEmpty)
        #expect(browser.state.pageNumber == before.pageNumber && browser.state.selection == before.selection)
        #expect(browser.state.page == before.page)
    }

    @Test func aViewReplacesTheViewsAboveTheConversations() {
        var browser = Browser.showingView(.personas)
        browser.command("replicas")
        #expect(browser.state.views.map(\.kind) == [.replicas])
        #expect(browser.command("replicas").isEmpty, "the view on screen is not asked again")
    }
}

@Suite("Views: links from a conversation and back")
struct LinkTests {
    /// Page 2 of the conversations, the third row's pane open and scrolled.
    static func paneOpen() -> Browser {
        var browser = Browser.showing(page: 2, size: TerminalSize(rows: 30, columns: 160))
        browser.press(.down, .down)
        browser.openDetailWithVerbose()
        browser.press(.down, times: 4)
        return browser
    }

    @Test func capitalPOpensThePersonaAndEscReturnsExactly() {
        var browser = Self.paneOpen()
        let before = browser.state
        let conversation = try! #require(before.detail?.conversation)
        let persona = try! #require(conversation.personaID)
        #expect(browser.press(.char("P")) == [.loadRecord(.personas, id: persona)])
        #expect(browser.screen.contains("Loading persona \(persona)…"))
        browser.send(.recordLoaded(.personas, id: persona, PersonaResource.row(Sample.persona(0))))
        #expect(browser.header.contains("conversations › \(conversation.name) › persona Sales Coach Rhea"))
        #expect(browser.screen.contains("System prompt"))
        #expect(browser.press(.escape) == [.loadDetail(id: conversation.id)], "the pane reads its record again unless final")
        var after = browser.state
        after.names = before.names
        #expect(after == before)
    }

    @Test func capitalROpensTheReplica() {
        var browser = Self.paneOpen()
        let replica = try! #require(browser.state.detail?.conversation.replicaID)
        #expect(browser.press(.char("R")) == [.loadRecord(.replicas, id: replica)])
        browser.send(.recordLoaded(.replicas, id: replica, ReplicaResource.row(Sample.replica(0))))
        #expect(browser.header.contains("› replica Anna (studio)"))
        #expect(browser.state.names.replicas[replica] == "Anna (studio)", "a record's name is a name found")
        #expect(browser.press(.char("o")) == [.openURL("https://cdn.example.com/replicas/\(Sample.replicaID(0)).mp4")])
    }

    @Test func aConversationWithoutPersonaSaysSo() {
        var browser = Browser.showing(page: 1)
        browser.press(.down)
        browser.openDetailWithVerbose()
        #expect(browser.state.detail?.conversation.personaID == nil)
        #expect(browser.press(.char("P")).isEmpty)
        #expect(browser.state.message == .info("This conversation names no persona"))
        #expect(browser.state.views.isEmpty)
    }

    @Test func aFailedRecordSaysWhyInThePane() {
        var browser = Self.paneOpen()
        browser.press(.char("P"))
        let id = try! #require(browser.state.views.last?.pane?.id)
        browser.send(.recordFailed(.personas, id: id, .http(status: 400, message: "Invalid persona_id")))
        #expect(browser.screen.contains("The persona could not be loaded: HTTP 400 Bad Request: Invalid persona_id"))
    }

    @Test func theHeaderPathNamesAViewAndTheRowALinkCameFrom() {
        var browser = Browser.showingView(.personas, size: TerminalSize(rows: 30, columns: 160))
        #expect(browser.header.contains("personas  filter: all"))
        browser.press(.enter)
        #expect(!browser.header.contains("›"))
    }
}

@Suite("The pane completes")
struct CompletingPaneTests {
    @Test func aRefreshDueReadsTheRecordAgainInPlace() {
        var browser = Browser.showing(page: 1)
        browser.openDetailWithVerbose()
        browser.press(.down, times: 2)
        let id = try! #require(browser.state.detail?.conversation.id)
        browser.send(.detailIncomplete(id: id))
        #expect(browser.screen.contains("Still being processed: read again every 10 s until complete"))
        let scroll = browser.state.detail?.scroll
        #expect(browser.send(.detailRefreshDue(id: id)) == [.loadDetail(id: id, fresh: true)])
        #expect(browser.state.detail?.verbose != .loading, "the record stays on screen while it is read")
        browser.send(.detailLoaded(id: id, Sample.verboseDetail(for: browser.state.detail!.conversation)))
        #expect(browser.state.detail?.scroll == scroll)
        #expect(!browser.screen.contains("Still being processed"))
    }

    @Test func aRefreshDueForAnotherOrAHiddenPaneDoesNothing() {
        var browser = Browser.showing(page: 1)
        browser.openDetailWithVerbose()
        let id = try! #require(browser.state.detail?.conversation.id)
        #expect(browser.send(.detailRefreshDue(id: "cother")).isEmpty)
        browser.press(.char("R"))
        #expect(browser.send(.detailRefreshDue(id: id)).isEmpty, "not while a replica covers it")
        browser.press(.escape)
        browser.press(.escape)
        #expect(browser.state.detail == nil)
        #expect(browser.send(.detailRefreshDue(id: id)).isEmpty, "not once the pane is closed")
    }
}

@Suite("The : commands")
struct CommandTests {
    @Test func profileNameAsksForTheSwitch() {
        var browser = Browser.showing(page: 1)
        #expect(browser.command("profile staging") == [.switchProfile("staging")])
        #expect(browser.state.message == .info("Switching to profile staging…"))
        #expect(browser.command("profile").isEmpty)
        #expect(browser.state.message == .warning("Say which profile: :profile NAME"))
    }

    @Test func aSwitchedProfileStartsOverOnItsAccount() {
        var browser = Browser.showingView(.personas)
        browser.press(.enter)
        let options = BrowserState.Options(limit: 50, sourceLabel: "staging · tavusapi.com")
        let id = browser.state.nextRequestID
        #expect(browser.send(.profileSwitched(name: "staging", options: options, filter: .active))
            == [.useAccount("staging"), .loadPage(PageKey(status: .active, number: 1, limit: 50), requestID: id)])
        #expect(browser.state.views.isEmpty && browser.state.page == nil)
        #expect(browser.state.options.sourceLabel == "staging · tavusapi.com" && browser.state.filter == .active)
        #expect(browser.state.message == .info("Profile staging"))
    }

    @Test func aFailedSwitchKeepsTheAccount() {
        var browser = Browser.showing(page: 1)
        let before = browser.state
        browser.send(.profileFailed("Unknown profile “nope”; the config file has: prod, staging"))
        #expect(browser.state.message == .error("Unknown profile “nope”; the config file has: prod, staging"))
        var after = browser.state
        after.message = nil
        #expect(after == before)
    }

    @Test func qQuitsAndUnknownWordsAreNamed() {
        var browser = Browser.showing(page: 1)
        browser.command("bogus")
        #expect(browser.state.message?.text.hasPrefix("Unknown command “bogus”") == true)
        #expect(browser.command("q") == [.quit])
    }
}

@Suite("Views: hostile names and snapshots")
struct ResourceViewScreenTests {
    @Test func hostileNamesAreSanitisedInTheTableAndThePane() {
        var browser = Browser.showing(page: 1, size: TerminalSize(rows: 30, columns: 160))
        browser.command("personas")
        let (key, requestID) = try! #require(browser.resourceLoading)
        var persona = Sample.persona(0)
        persona.name = "\u{1B}[31mURGENT\u{1B}[0m\u{7}\u{202E}bot"
        persona.systemPrompt = "line one\u{1B}]52;c;aGk=\u{7}\nline two\r\u{0}"
        let page = ResourcePage(items: [PersonaResource.row(persona)], page: 1, limit: 20, filter: "all", totalCount: 1)
        browser.send(.resourcePageLoaded(key, page, fromCache: false, requestID: requestID))
        FrameChecks.expectClean(browser.screen)
        browser.press(.enter)
        FrameChecks.expectClean(browser.screen)
        #expect(browser.screen.contains("line one") && browser.screen.contains("line two"))
    }

    @Test func personasView140x30() {
        var browser = Browser.showingView(.personas, size: TerminalSize(rows: 30, columns: 140))
        browser.send(.namesFound(NameDirectory.Names(replicas: [Sample.replicaID(0): "Anna (studio)", Sample.replicaID(1): "Ben (office)"]), failure: nil))
        Snapshot.expect(browser.screen, named: "personas-140x30")
        browser.press(.enter)
        Snapshot.expect(browser.screen, named: "persona-pane-140x30")
    }

    @Test func replicaRecord100x30() {
        var browser = LinkTests.paneOpen()
        browser.send(.resize(TerminalSize(rows: 30, columns: 100)))
        let replica = browser.state.detail!.conversation.replicaID!
        browser.press(.char("R"))
        browser.send(.recordLoaded(.replicas, id: replica, ReplicaResource.row(Sample.replica(1))))
        Snapshot.expect(browser.screen, named: "replica-record-100x30")
    }
}

@Suite("Views: the footer")
struct ResourceFooterTests {
    @Test func aPersonasPaneOffersNoURLToOpenAReplicasDoes() {
        var personas = Browser.showingView(.personas)
        personas.press(.enter)
        #expect(!personas.footer.contains("o open") && personas.footer.contains("Esc back"))
        var replicas = Browser.showingView(.replicas)
        replicas.press(.enter)
        #expect(replicas.footer.contains("o open"))
    }
}
