using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CooperaNet.Web.Infrastructure;

/// <summary>
/// A POST (or any other write) that names no handler the page has answers 404 instead of rendering the page as
/// if it had been read: a page whose model only its GET handler fills would otherwise fail on the empty model
/// (500), and a write must never fall through to a read.
/// </summary>
internal sealed class UnmatchedPageHandler : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
