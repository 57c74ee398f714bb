namespace Auth.Api.Contracts;

/// <summary>Liveness answer kept from the original service.</summary>
/// <param name="Status">Always <c>ok</c>.</param>
public sealed record PingResponse(string Status);
