namespace Auth.Api.Authentication;

/// <summary>
/// An action that takes a Bearer token when the caller has one and something else when not (an enrolment-only
/// mfaToken): OpenAPI lists the token as optional, so generated clients still send it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BearerOptionalAttribute : Attribute;
