using EmployeeDirectory.Core.Caching;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Web.Admin;
using EmployeeDirectory.Web.Api;
using EmployeeDirectory.Web.Components;
using EmployeeDirectory.Web.Observability;

var builder = WebApplication.CreateBuilder(args);

builder.AddDirectoryData();
builder.AddDirectoryCache();
builder.AddDirectoryServices();
builder.AddDirectoryApi();
builder.AddDirectoryUi();
builder.AddDirectoryAdmin();
builder.AddDirectoryObservability();

var app = builder.Build();

app.UseDirectoryApiErrors();
app.UseDirectoryUi();
app.MapDirectoryApi();
app.MapDirectoryUi();
app.MapDirectoryObservability();

await app.RunAsync();

/// <summary>Entry point; public so the tests' WebApplicationFactory can reach it.</summary>
public partial class Program;
