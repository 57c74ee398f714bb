namespace Auth.Application.External.Common;

/// <param name="Id">The id in the settings and in the routes (<c>/auth/external/{id}/start</c>).</param>
public sealed record ExternalProviderInfo(string Id, string DisplayName);
