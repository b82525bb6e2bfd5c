using System;
using System.Collections.Generic;

namespace SessionGen.Devnet;

/// <summary>The upstream build an upstream devnet deployed (<see cref="DevnetOptions.UpstreamContracts"/>).</summary>
/// <param name="Commits">The upstream commits the contracts were built from, one per repository.</param>
/// <param name="Mode"><c>compile</c> (solc-js from the shipped standard-JSON inputs, checked byte-identical) or <c>artifacts</c> (the shipped bytecode).</param>
/// <param name="Compiler">The solc-js version that compiled them.</param>
public sealed record UpstreamBuild(IReadOnlyList<UpstreamCommit> Commits, string Mode, string Compiler);

/// <summary>One upstream repository's commit.</summary>
/// <param name="Repository">The repository, e.g. <c>erc7579/smartsessions</c>.</param>
/// <param name="Commit">The full commit hash.</param>
/// <param name="Date">The commit date.</param>
/// <param name="Subject">The commit's subject line.</param>
public sealed record UpstreamCommit(string Repository, string Commit, DateTimeOffset Date, string Subject);
