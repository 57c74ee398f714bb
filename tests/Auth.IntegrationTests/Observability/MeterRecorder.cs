using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.IntegrationTests.Observability;

/// <summary>
/// Listens to the <c>Auth</c> meter of one service instance (its own <see cref="IMeterFactory"/>), so parallel
/// tests' measurements do not mix.
/// </summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = new();

    public MeterRecorder(IServiceProvider services)
    {
        var scope = services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Auth" && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    /// <summary>The sum of an instrument's measurements whose tags include <paramref name="tag"/>.</summary>
    public double Sum(string instrument, (string Key, string Value)? tag = null) =>
        measurements.Where(m => m.Instrument == instrument && (tag is null || Equals(m.Tags.GetValueOrDefault(tag.Value.Key), tag.Value.Value)))
            .Sum(m => m.Value);

    public int Count(string instrument) => measurements.Count(m => m.Instrument == instrument);

    /// <summary>Reads the observable instruments (gauges) now; their last value.</summary>
    public double Observe(string instrument)
    {
        listener.RecordObservableInstruments();
        return measurements.Last(m => m.Instrument == instrument).Value;
    }

    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue;
        }

        measurements.Enqueue((instrument.Name, value, copy));
    }
}
