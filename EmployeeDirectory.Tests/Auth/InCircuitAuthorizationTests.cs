using Bunit;
using EmployeeDirectory.Tests.Components;
using EmployeeDirectory.Web.Components;

namespace EmployeeDirectory.Tests.Auth;

/// <summary>
/// Inside a circuit navigation never reaches the server's authorization, so the router checks the page:
/// a circuit without a signed-in user is sent to the login page (a full load, to get the cookie form).
/// </summary>
public sealed class InCircuitAuthorizationTests : DirectoryUiTest
{
    [Fact]
    public void ARouteNeedingSignInSendsAnAnonymousCircuitToTheLoginPageWithTheWayBack()
    {
        SignOut();
        var navigation = Navigation;
        navigation.NavigateTo("employees/3?tab=status");

        Render<Routes>();

        Assert.Equal("http://localhost/account/login?ReturnUrl=%2Femployees%2F3%3Ftab%3Dstatus", navigation.Uri);
        Assert.True(Assert.IsType<Bunit.TestDoubles.BunitNavigationManager>(navigation).History.First().Options.ForceLoad);
    }

    [Fact]
    public void ASignedInCircuitSeesThePage()
    {
        var navigation = Navigation;
        navigation.NavigateTo("/");

        var routes = Render<Routes>();

        routes.WaitForElement(".directory-table");
        Assert.Equal("http://localhost/", navigation.Uri);
    }
}
