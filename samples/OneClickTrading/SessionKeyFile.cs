using SessionGen.Sessions;
using SessionGen.Signing;
using static OneClickTrading.Output;

namespace OneClickTrading;

/// <summary>The app's session key, kept between runs as an encrypted keystore (Web3 Secret Storage v3), never as plain text.</summary>
internal static class SessionKeyFile
{
    public static PrivateKeySigner LoadOrCreate(string path)
    {
        // A sample's password: a real app takes it from an OS secret store, never from its code.
        var password = Environment.GetEnvironmentVariable("ONECLICK_KEY_PASSWORD") ?? "sample password, replace me";
        if (File.Exists(path))
        {
            var loaded = SessionKeyStore.Load(path, password);
            Info($"session key {loaded.Address} loaded from the encrypted keystore {path}");
            return loaded;
        }

        var key = PrivateKeySigner.Generate();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        SessionKeyStore.Save(path, key, password, scryptCost: 1 << 14); // scrypt N = 16384: light enough for a sample run
        Info($"new session key {key.Address} saved to the encrypted keystore {path}");
        return key;
    }
}
