namespace Auth.Application.Common.Errors;

/// <summary>An expected failure: a stable machine-readable <paramref name="Code"/> and a message for people.</summary>
public sealed record Error(string Code, string Message);
