using System;
using System.IO;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Model;
using SessionGen.Signing;

namespace SessionGen.Sessions;

/// <summary>
/// Keeps a session key at rest as an encrypted keystore (Web3 Secret Storage v3, scrypt, AES-128-CTR; Nethereum.KeyStore),
/// never as plain text: the app saves it once the owner has approved the session and loads it on its next start.
/// </summary>
/// <remarks>
/// The file holds the key encrypted under the password and the key's address in clear. Keep the password outside the file
/// (an OS secret store, an environment the app controls); with it, the file is the key.
/// </remarks>
public static class SessionKeyStore
{
    /// <summary>The keystore JSON of <paramref name="key"/> encrypted under <paramref name="password"/>.</summary>
    /// <param name="key">The session key.</param>
    /// <param name="password">The password (not empty).</param>
    /// <param name="scryptCost">scrypt's N (a power of 2); the default 262144 is the standard's, lower only for tests.</param>
    /// <exception cref="ArgumentException">An empty password, or a cost that is not a power of 2 of at least 2.</exception>
    public static string Encrypt(PrivateKeySigner key, string password, int scryptCost = 262_144)
    {
        ArgumentNullException.ThrowIfNull(key);
        CheckPassword(password);
        if (scryptCost < 2 || (scryptCost & (scryptCost - 1)) != 0)
        {
            throw new ArgumentException($"scryptCost must be a power of 2 (at least 2), got {scryptCost}.", nameof(scryptCost));
        }

        var secret = key.ExportPrivateKey();
        try
        {
            var service = new KeyStoreScryptService();
            var parameters = new ScryptParams { Dklen = 32, N = scryptCost, R = 8, P = 1 };
            return service.EncryptAndGenerateKeyStoreAsJson(password, secret, key.Address.ToString(), parameters);
        }
        finally
        {
            Array.Clear(secret);
        }
    }

    /// <summary>The session key in a keystore JSON.</summary>
    /// <exception cref="ArgumentException">An empty password, a wrong password, or not a v3 keystore.</exception>
    public static PrivateKeySigner Decrypt(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(json);
        CheckPassword(password);
        byte[] secret;
        try
        {
            secret = new KeyStoreService().DecryptKeyStoreFromJson(password, json);
        }
        catch (Exception e) when (e is not ArgumentNullException)
        {
            throw new ArgumentException($"The keystore could not be decrypted (wrong password, or not a Web3 Secret Storage v3 keystore): {e.Message}", nameof(json), e);
        }

        try
        {
            return PrivateKeySigner.FromPrivateKey(secret);
        }
        finally
        {
            Array.Clear(secret);
        }
    }

    /// <summary>Saves <paramref name="key"/> encrypted to <paramref name="path"/> (written to a temporary file, then moved into place).</summary>
    public static void Save(string path, PrivateKeySigner key, string password, int scryptCost = 262_144)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var json = Encrypt(key, password, scryptCost);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Loads the session key saved at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No file there.</exception>
    /// <exception cref="ArgumentException">A wrong password, or not a v3 keystore.</exception>
    public static PrivateKeySigner Load(string path, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Decrypt(File.ReadAllText(path), password);
    }

    private static void CheckPassword(string password)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw new ArgumentException("password is empty: a keystore must be encrypted under a password.", nameof(password));
        }
    }
}
