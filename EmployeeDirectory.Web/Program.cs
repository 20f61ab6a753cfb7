using EmployeeDirectory.Core.DirectoryCache;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Web.Admin;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Api.OpenApi;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.Accounts;
using EmployeeDirectory.Web.Components;
using EmployeeDirectory.Web.Observability;
using EmployeeDirectory.Web.RateLimiting;
using EmployeeDirectory.Web.Replicas;
using EmployeeDirectory.Web.Transport;

var builder = WebApplication.CreateBuilder(args);
builder.UseBuildTimeSettings();

builder.AddDirectoryTransport();
builder.AddDirectoryData();
builder.AddDirectoryCache();
builder.AddDirectoryServices();
builder.AddDirectoryAuth();
builder.AddDirectoryRateLimits();
builder.AddDirectoryApi();
builder.AddDirectoryUi();
builder.AddDirectoryAdmin();
builder.AddDirectoryObservability();
builder.AddDirectoryReplica();

var app = builder.Build();
if (await app.RunAccountCommandAsync(args))
{
    return;
}

app.UseDirectoryReplica();
app.UseDirectoryTransport();
app.UseRouting();
app.UseDirectoryApiErrors();
app.UseDirectoryUi();
app.UseDirectoryAuth();
app.MapDirectoryApi();
app.MapDirectoryUi();
app.MapDirectoryObservability();
app.MapDirectoryAuth();
app.MapDirectoryReplica();
app.MapDirectoryAdmin();

await app.RunAsync();

/// <summary>Entry point; public so the tests' WebApplicationFactory can reach it.</summary>
public partial class Program;
