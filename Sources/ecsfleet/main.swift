import ArgumentParser
import Foundation
import Logging

/// Parses, runs, and is the only place that exits: 0 success, 1 some instances failed, 2 usage or
/// configuration, 3 refused.
func main() async -> Int32 {
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = .info
        return handler
    }
    signal(SIGPIPE, SIG_IGN)
    let arguments = Ecsfleet.normalise(Array(CommandLine.arguments.dropFirst()))
    var command: any ParsableCommand
    do {
        command = try Ecsfleet.parseAsRoot(arguments)
    } catch {
        return report(error)
    }
    do {
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
        return 0
    } catch {
        return report(error)
    }
}

func report(_ error: any Error) -> Int32 {
    switch error {
    case let status as CommandStatus:
        return status.code
    case let e as CommandError:
        FileHandle.standardError.write(Data("ecsfleet: \(e.description)\n".utf8))
        return e.exitStatus
    default:
        let code = Ecsfleet.exitCode(for: error)
        if code == .success {
            print(Ecsfleet.fullMessage(for: error))
            return 0
        }
        FileHandle.standardError.write(Data("ecsfleet: \(Ecsfleet.message(for: error))\nRun 'ecsfleet --help' for usage.\n".utf8))
        return 2
    }
}

exit(await main())
