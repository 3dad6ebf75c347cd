import Foundation
import PackagePlugin

/// Builds a target's data files (every file that is neither source nor a declared resource:
/// catalogues, templates, page assets) into the binary, as `EmbeddedFiles.texts`.
///
/// The binary then runs from any folder, with no resource bundle beside it.
@main
struct EmbedFiles: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    guard let target = target as? SourceModuleTarget else { return [] }
    let inputs = target.sourceFiles.filter { $0.type == .unknown }.map(\.url)
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) data files of \(target.name)",
        executable: try context.tool(named: "embed-files").url,
        arguments: [output.path, target.directoryURL.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }
}
