using Auth.Application.Common.Passwords;
using Auth.Infrastructure.Security.Passwords;
using BenchmarkDotNet.Attributes;

namespace Auth.Benchmarks;

/// <summary>
/// The offline password checks every signup, password change, reset and successful login runs: the blocklist lookups
/// of the password and its undisguised forms, personal info, repetition and sequences. Must cost microseconds.
/// </summary>
[MemoryDiagnoser]
public class PasswordPolicyBenchmarks
{
    private readonly EmbeddedPasswordBlocklist blocklist = new();

    [Params("correct horse battery staple", "P@ssw0rd2024!", "Lovelace.Ada1815")]
    public string Password { get; set; } = "";

    /// <summary>Loads the list before measuring: a process pays that once, on its first check.</summary>
    [GlobalSetup]
    public void LoadList() => _ = blocklist.Count;

    [Benchmark]
    public int OfflineReasons() => PasswordPolicy.OfflineReasons(Password, "ada.lovelace@example.com", "Ada Lovelace", blocklist).Count;

    [Benchmark]
    public bool BlocklistLookup() => blocklist.Contains(Password);
}
