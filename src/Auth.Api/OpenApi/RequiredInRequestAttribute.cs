namespace Auth.Api.OpenApi;

/// <summary>
/// The service refuses the request without this member (its validator says <c>validation_failed</c>), so the OpenAPI
/// document marks it required and not nullable, and generated clients refuse <c>{}</c> at compile time. The C#
/// property stays nullable: a missing member must reach the validator, which names it, not fail deserialization.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class RequiredInRequestAttribute : Attribute;
