using Auth.Benchmarks;
using BenchmarkDotNet.Running;

// `hashing-limit` is the load harness's reference measurement and `passkey-login` its passkey driver; anything else
// goes to BenchmarkDotNet
// (for example `--filter '*' --job short`).
if (args is ["hashing-limit", ..])
{
    return await HashingLimit.RunAsync(args);
}

if (args is ["passkey-login", ..])
{
    return await PasskeyLoginLoad.RunAsync(args);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchHost).Assembly).Run(args).ToList();

// A benchmark that threw or produced nothing fails the run, so CI notices a broken benchmark.
return summaries.Count > 0 && summaries.All(s => !s.HasCriticalValidationErrors && s.Reports.All(r => r.Success)) ? 0 : 1;
