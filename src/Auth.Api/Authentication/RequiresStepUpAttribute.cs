using Auth.Api.Errors;
using Auth.Application.Mfa.CheckStepUp;
using Auth.Infrastructure.Authentication;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Auth.Api.Authentication;

/// <summary>
/// A sensitive action: for an account with a second factor, only a session that proved it (<c>aal2</c>) may run
/// it; others get 403 <c>mfa_step_up_required</c> before the action does anything. Whether the account has one is
/// read from the cached user view, so the check costs no query in steady state.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class RequiresStepUpAttribute : Attribute, IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true && context.Controller is ControllerBase controller)
        {
            var sender = context.HttpContext.RequestServices.GetRequiredService<ISender>();
            var allowed = await sender.Send(new CheckStepUpQuery(user.GetUserId(), user.GetAssuranceLevel()), context.HttpContext.RequestAborted);
            if (!allowed.IsSuccess)
            {
                context.Result = controller.Problem(allowed.Error!);
                return;
            }
        }

        await next();
    }
}
