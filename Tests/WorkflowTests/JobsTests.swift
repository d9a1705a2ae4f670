import Foundation
import Synchronization
import Testing
import Workflow

/// The end of a diff runs its report, decisions sheet and summary at once: each job runs, the
/// caller gets its own work's value, and a failure is reported, never lost.
@Suite struct JobsTests {
    private struct Failure: Error, Equatable {
        let job: Int
    }

    @Test func everyJobRunsBeforeTheWorkValueIsReturned() throws {
        let done = Mutex<Set<Int>>([])
        let value = try Jobs.alongside((0..<4).map { index in { done.withLock { _ = $0.insert(index) } } }) { "摘要" }
        #expect(value == "摘要")
        #expect(done.withLock { $0 } == [0, 1, 2, 3])
    }

    @Test func theFirstFailingJobInOrderIsThrown() {
        let jobs: [@Sendable () throws -> Void] = [{}, { throw Failure(job: 1) }, { throw Failure(job: 2) }]
        #expect(throws: Failure(job: 1)) { try Jobs.alongside(jobs) { 0 } }
    }

    @Test func aJobsFailureComesBeforeTheWorksOwn() {
        #expect(throws: Failure(job: 0)) {
            try Jobs.alongside([{ throw Failure(job: 0) }]) { () throws -> Int in throw Failure(job: 9) }
        }
    }

    @Test func bothGivesBothValues() {
        let (first, second) = Jobs.both({ (1...100).reduce(0, +) }, { "汇总" })
        #expect(first == 5050)
        #expect(second == "汇总")
    }
}
