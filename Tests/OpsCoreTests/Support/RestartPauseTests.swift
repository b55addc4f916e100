import OpsCore
import Testing

@Suite struct RestartPauseTests {
    @Test func doublesWhileRunsFailUpToTheLongestAndStartsOverAfterOneThatWentWell() {
        var pause = RestartPause(first: .seconds(5), longest: .seconds(60))
        #expect(pause.current == .seconds(5))
        #expect([false, false, false, false, false].map { pause.next(wentWell: $0) }
                == [.seconds(10), .seconds(20), .seconds(40), .seconds(60), .seconds(60)])
        #expect(pause.next(wentWell: true) == .seconds(5))
        _ = pause.next(wentWell: false)
        pause.reset()
        #expect(pause.current == .seconds(5) && pause.next(wentWell: false) == .seconds(10))
    }

    @Test func aLongestShorterThanTheFirstIsTheFirst() {
        var pause = RestartPause(first: .seconds(2), longest: .seconds(1))
        #expect(pause.next(wentWell: false) == .seconds(2))
    }
}
