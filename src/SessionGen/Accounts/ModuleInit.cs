using System;

namespace SessionGen.Accounts;

/// <summary>A module an account installs, with the data its <c>onInstall</c> receives (ERC-7579 bootstrap config).</summary>
/// <param name="Module">The module's address.</param>
/// <param name="InitData">The bytes passed to <c>onInstall</c>.</param>
public readonly record struct ModuleInit(Address Module, ReadOnlyMemory<byte> InitData);
