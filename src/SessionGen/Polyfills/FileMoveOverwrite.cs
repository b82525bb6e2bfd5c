#if !NET8_0_OR_GREATER
using System.IO;

namespace SessionGen;

/// <summary>
/// <c>File.Move(source, destination, overwrite)</c> (.NET Core 3.0) for netstandard2.1: an existing destination is
/// replaced in one step (<see cref="File.Replace(string, string, string)"/>, a rename on Unix), else the file is moved.
/// </summary>
internal static class FileMoveOverwrite
{
    extension(File)
    {
        public static void Move(string sourceFileName, string destFileName, bool overwrite)
        {
            if (overwrite && File.Exists(destFileName))
            {
                File.Replace(sourceFileName, destFileName, destinationBackupFileName: null);
            }
            else
            {
                File.Move(sourceFileName, destFileName);
            }
        }
    }
}
#endif
