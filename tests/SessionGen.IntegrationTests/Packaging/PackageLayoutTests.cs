using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace SessionGen.IntegrationTests.Packaging;

[Collection(PackageCollection.Name)]
public class PackageLayoutTests(PackedPackageFixture package)
{
    [Fact]
    public void Ships_the_runtime_for_each_target_framework_and_the_analyzers_in_one_slot()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet();

        Assert.Contains("lib/net8.0/SessionGen.dll", entries);
        Assert.Contains("lib/net10.0/SessionGen.dll", entries);
        Assert.Contains("lib/net8.0/SessionGen.xml", entries);
        Assert.Contains("lib/net10.0/SessionGen.xml", entries);
        Assert.Contains("lib/netstandard2.1/SessionGen.dll", entries);
        Assert.Contains("lib/netstandard2.1/SessionGen.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/SessionGen.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/SessionGen.CodeFixes.dll", entries);
        Assert.Contains("buildTransitive/SessionGen.props", entries);
        Assert.Contains("buildTransitive/SessionGen.rd.xml", entries); // what Native AOT keeps for Nethereum's JSON (docs/aot.md)
        Assert.Contains("README.md", entries);

        // One analyzer slot only: a second copy (e.g. analyzers/dotnet/ without cs) would load twice.
        var analyzerFolders = entries.Where(e => e.StartsWith("analyzers/", System.StringComparison.Ordinal))
            .Select(e => e[..e.LastIndexOf('/')]).Distinct().ToList();
        Assert.Equal(new[] { "analyzers/dotnet/cs" }, analyzerFolders);
        // The analyzers must not drag their own dependencies in: the host provides Roslyn.
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", System.StringComparison.Ordinal) && e.Contains("Microsoft.CodeAnalysis"));
    }

    /// <summary>
    /// The generators and analyzers load in a Roslyn 4.3 host (Unity 6): the shipped assembly references no newer
    /// compiler. The code fixes reference Workspaces 4.8, which only IDEs load; a compiler never loads them, since they
    /// declare no analyzer or generator (SessionGen.Roslyn43.Tests runs a 4.3 host over both files).
    /// </summary>
    [Fact]
    public void The_shipped_analyzers_reference_Roslyn_4_3_and_the_code_fixes_Workspaces_4_8()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        System.Collections.Generic.Dictionary<string, System.Version> References(string entry)
        {
            using var stream = Copy(zip, entry);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            return reader.AssemblyReferences.Select(reader.GetAssemblyReference).ToDictionary(r => reader.GetString(r.Name), r => r.Version);
        }

        var generators = References("analyzers/dotnet/cs/SessionGen.Generators.dll");
        Assert.Equal(new System.Version(4, 3, 0, 0), generators["Microsoft.CodeAnalysis"]);
        Assert.Equal(new System.Version(4, 3, 0, 0), generators["Microsoft.CodeAnalysis.CSharp"]);
        Assert.DoesNotContain(generators.Keys, name => name.StartsWith("Microsoft.CodeAnalysis.Workspaces", System.StringComparison.Ordinal));

        var codeFixes = References("analyzers/dotnet/cs/SessionGen.CodeFixes.dll");
        Assert.Equal(new System.Version(4, 8, 0, 0), codeFixes["Microsoft.CodeAnalysis.Workspaces"]);
    }

    [Theory]
    [InlineData("net8.0", true)]
    [InlineData("net10.0", true)]
    [InlineData("netstandard2.1", false)] // no trimming analysis there (docs/aot.md)
    public void Marks_the_runtime_trimmable_for_dotnet_so_an_app_publish_analyses_it(string framework, bool trimmable)
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var dll = Copy(zip, $"lib/{framework}/SessionGen.dll");
        // A load context of its own: the test process has already loaded its own SessionGen.dll.
        var context = new System.Runtime.Loader.AssemblyLoadContext(framework, isCollectible: true);
        List<string> metadata;
        try
        {
            metadata = context.LoadFromStream(dll).GetCustomAttributesData()
                .Where(attribute => attribute.AttributeType.FullName == "System.Reflection.AssemblyMetadataAttribute")
                .Select(attribute => $"{attribute.ConstructorArguments[0].Value}={attribute.ConstructorArguments[1].Value}")
                .ToList();
        }
        finally
        {
            context.Unload();
        }

        Assert.Equal(trimmable, metadata.Contains("IsTrimmable=True"));
    }

    [Fact]
    public void Has_the_metadata_a_user_sees_on_the_package_page()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", System.StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Field(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

        Assert.Equal("SessionGen", Field("id"));
        Assert.Equal(package.Version, Field("version"));
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("README.md", Field("readme"));
        Assert.Contains("Smart Sessions", Field("description"));
        Assert.Contains("erc-7579", Field("tags"));
        var groups = metadata.Descendants().Where(e => e.Name.LocalName == "group").ToDictionary(
            g => (string)g.Attribute("targetFramework")!,
            g => g.Elements().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).Order(System.StringComparer.Ordinal).ToArray());
        var dependencies = groups.Values.SelectMany(d => d).ToHashSet();
        // Lean (issue #17.4, docs/package.md): only what the runtime uses; no Web3, Contracts, ABI, Signer or EIP-712.
        string[] onDotnet = ["BouncyCastle.Cryptography", "NBitcoin.Secp256k1", "Nethereum.Hex", "Nethereum.JsonRpc.RpcClient", "Nethereum.KeyStore", "Nethereum.RLP", "Nethereum.RPC", "Newtonsoft.Json"];
        Assert.Equal([".NETStandard2.1", "net10.0", "net8.0"], groups.Keys.Order(System.StringComparer.Ordinal));
        Assert.Equal(onDotnet, groups["net8.0"]);
        Assert.Equal(onDotnet, groups["net10.0"]);
        // netstandard2.1 (issue #17.2): what .NET has in the box comes as packages; BouncyCastle is the Portable.BouncyCastle
        // that Nethereum.KeyStore brings there (never both: their types clash); PolySharp is build-only.
        Assert.Equal(
            ["NBitcoin.Secp256k1", "Nethereum.Hex", "Nethereum.JsonRpc.RpcClient", "Nethereum.KeyStore", "Nethereum.RLP", "Nethereum.RPC", "Newtonsoft.Json", "System.Collections.Immutable", "System.Text.Json"],
            groups[".NETStandard2.1"]);
        Assert.DoesNotContain("PolySharp", dependencies);
        Assert.DoesNotContain("SessionGen.Generators", dependencies);
        Assert.DoesNotContain("SessionGen.CodeFixes", dependencies);
    }

    /// <summary>A package entry in memory (readers need a seekable stream).</summary>
    private static MemoryStream Copy(ZipArchive zip, string entry)
    {
        var stream = new MemoryStream();
        using (var source = zip.GetEntry(entry)!.Open())
        {
            source.CopyTo(stream);
        }

        stream.Position = 0;
        return stream;
    }
}
