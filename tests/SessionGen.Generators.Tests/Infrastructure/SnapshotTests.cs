using System;
using System.IO;
using Xunit;
using Xunit.Sdk;

namespace SessionGen.Generators.Tests.Infrastructure;

public class SnapshotTests
{
    [Fact]
    public void A_missing_or_different_snapshot_fails_and_writes_received()
    {
        if (Environment.GetEnvironmentVariable(Snapshot.AcceptVariable) == "1")
        {
            return; // accepting mode deliberately passes; this test checks the default
        }

        var directory = Directory.CreateTempSubdirectory("snapshot-test").FullName;
        var testFile = Path.Combine(directory, "FakeTests.cs");
        try
        {
            var missing = Assert.Throws<XunitException>(() => Snapshot.Verify("one\ntwo\n", "case", testFile));
            Assert.Contains("No verified snapshot", missing.Message);
            Assert.True(File.Exists(Path.Combine(directory, "FakeTests.case.received.txt")));

            File.WriteAllText(Path.Combine(directory, "FakeTests.case.verified.txt"), "one\nTWO\n");
            var different = Assert.Throws<XunitException>(() => Snapshot.Verify("one\ntwo\n", "case", testFile));
            Assert.Contains("- TWO", different.Message);
            Assert.Contains("+ two", different.Message);

            Snapshot.Verify("one\r\nTWO\r\n", "case", testFile);
            Assert.False(File.Exists(Path.Combine(directory, "FakeTests.case.received.txt")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
