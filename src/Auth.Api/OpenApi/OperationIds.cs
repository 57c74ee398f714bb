using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace Auth.Api.OpenApi;

/// <summary>
/// Operation ids from controller and action (<c>authLogin</c>, <c>userChangePassword</c>, <c>sessionsEnd</c>):
/// stable while routes move, unique, and what a code generator turns into a readable method name.
/// </summary>
internal static class OperationIds
{
    public static string? For(ApiDescription description) =>
        description.ActionDescriptor is ControllerActionDescriptor action
            ? char.ToLowerInvariant(action.ControllerName[0]) + action.ControllerName[1..] + action.ActionName
            : null;
}
