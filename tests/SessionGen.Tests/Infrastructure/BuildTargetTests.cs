using System;
using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using Xunit;

namespace SessionGen.Tests.Infrastructure;

/// <summary>
/// These sources run twice: in SessionGen.Tests against the net10.0 build of the runtime, and in
/// SessionGen.Tests.NetStandard against the netstandard2.1 build (issue #17.2). Each test project names the build it
/// must load; this proves the tests exercise that build and not another one restore happened to pick.
/// </summary>
public sealed class BuildTargetTests
{
    [Fact]
    public void The_SessionGen_assembly_loaded_is_the_build_this_test_project_targets()
    {
        var expected = typeof(BuildTargetTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SessionGen.ExpectedTargetFramework").Value;
        var loaded = typeof(Address).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;

        Assert.Equal(expected, loaded);
    }
}
