#if canImport(Glibc)
import Glibc
#endif

extension LogInputReader {
    /// One followed input of several: its follower and its own pipeline (line numbers, held-back
    /// records and multi-line values belong to one input).
    private final class FollowedInput {
        var follower: FileFollower
        let pipeline: LogPipeline
        var ended = false

        init(follower: consuming FileFollower, pipeline: LogPipeline) {
            self.follower = follower
            self.pipeline = pipeline
        }
    }

    /// Follows several inputs at once (`opsdeck logs --follow a.log b.log`), in one loop: each
    /// round reads what every input has, and only when none had anything do the pipelines flush
    /// and the loop pause. An input that cannot be opened is reported through `failed` and the
    /// others go on. Returns when every input has ended (pipes) or `idle` asks to stop.
    public func follow(inputs: [(path: String, sourceName: String?)], emit: (LogRecord) -> Void,
                       idle: () -> Bool, failed: (String, Error) -> Void) {
        var followed: [FollowedInput] = []
        for input in inputs {
            let pipeline = LogPipeline(sourceName: input.sourceName, query: query, timestamps: timestamps)
            do {
                if input.path == "-" {
                    followed.append(FollowedInput(follower: try FileFollower(descriptor: STDIN_FILENO, maxLineBytes: maxLineBytes),
                                                  pipeline: pipeline))
                } else {
                    guard LogInputReader.exists(input.path) else {
                        throw ByteInputError.openFailed(path: input.path, errno: ENOENT)
                    }
                    followed.append(FollowedInput(follower: FileFollower(path: input.path, maxLineBytes: maxLineBytes),
                                                  pipeline: pipeline))
                }
            } catch {
                failed(input.path, error)
            }
        }
        while followed.contains(where: { !$0.ended }) {
            var delivered = 0
            for input in followed where !input.ended {
                do {
                    let state = try input.follower.poll(onEvent: { _ in }, onLine: { line, info in
                        delivered += 1
                        input.pipeline.consume(line: line, number: info.number, truncated: info.truncated, emit: emit)
                    })
                    if state == .ended { input.ended = true }
                } catch {
                    failed(input.pipeline.sourceName ?? "standard input", error)
                    input.ended = true
                }
            }
            if delivered > 0 { continue }
            for input in followed { input.pipeline.flush(emit: emit) }
            guard idle() else { break }
            FileFollower.sleep(FileFollower.defaultPollInterval)
        }
        for input in followed {
            try? input.follower.finish { line, info in
                input.pipeline.consume(line: line, number: info.number, truncated: info.truncated, emit: emit)
            }
            input.pipeline.finish(emit: emit)
        }
        _ = idle()
    }
}
