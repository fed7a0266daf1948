using AfterSales.Web.Features.ApiTokens;
using AfterSales.Web.Features.Appointments;
using AfterSales.Web.Features.Assets;
using AfterSales.Web.Features.Audit;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Evidence;
using AfterSales.Web.Features.Complaints.Overview;
using AfterSales.Web.Features.Complaints.Public;
using AfterSales.Web.Features.ComplaintSla;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Features.Files;
using AfterSales.Web.Features.FollowUps;
using AfterSales.Web.Features.Imports;
using AfterSales.Web.Features.Knowledge;
using AfterSales.Web.Features.Labour;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Features.PublicAccess;
using AfterSales.Web.Features.Quality;
using AfterSales.Web.Features.Reminders;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Returns;
using AfterSales.Web.Features.Settlement;
using AfterSales.Web.Features.Stores;
using AfterSales.Web.Features.Surveys;
using AfterSales.Web.Features.Today;
using AfterSales.Web.Features.Users;
using AfterSales.Web.Features.Warranty;
using AfterSales.Web.Features.Workshop;

namespace AfterSales.Web.Features;

/// <summary>One line per feature area: its handlers and its endpoints.</summary>
public static class FeatureSetup
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddAccount();
        services.AddCustomers();
        services.AddAssets();
        services.AddAudit();
        services.AddStores();
        services.AddUsers();
        services.AddApiTokens();
        services.AddNotifications();
        services.AddComplaints();
        services.AddComplaintEvents();
        services.AddComplaintSla();
        services.AddKnowledge();
        services.AddComplaintOverview();
        services.AddTodayBoard();
        services.AddAppointments();
        services.AddPublicAccess();
        services.AddWarranty();
        services.AddReturns();
        services.AddFiles();
        services.AddComplaintEvidence();
        services.AddPublicComplaints();
        services.AddParts().AddStock().AddPurchasing();
        services.AddLabour();
        services.AddRepairOrders();
        services.AddReminders();
        services.AddDispatch();
        services.AddTechnicianWork();
        services.AddQuality();
        services.AddFollowUps();
        services.AddSurveys();
        services.AddDelivery();
        services.AddImports();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatures(this IEndpointRouteBuilder app)
    {
        app.MapAccount();
        var api = app.MapGroup("/api/v1").RequireAuthorization(Infrastructure.Policies.Staff).ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapCustomers();
        api.MapAssets();
        api.MapAudit();
        api.MapStores();
        api.MapUsers();
        api.MapApiTokens();
        api.MapNotifications();
        api.MapComplaints();
        api.MapComplaintEvents();
        api.MapComplaintSla();
        api.MapKnowledge();
        api.MapComplaintOverview();
        api.MapTodayBoard();
        api.MapWarranty();
        api.MapReturns();
        api.MapLabour();
        api.MapRepairOrders();
        api.MapQuality();
        api.MapDelivery();
        api.MapParts();
        api.MapStock();
        api.MapPurchasing();
        api.MapFiles();
        api.MapComplaintEvidence();
        api.MapComplaintConversation();
        api.MapAppointments();
        api.MapReminders();
        api.MapDispatch();
        api.MapTechnicianWork();
        api.MapFollowUps();
        api.MapSurveys();
        api.MapImports();

        // What customers reach without a staff login: anonymous, rate limited per client address.
        var publicApi = app.MapGroup("/api/v1/public").AllowAnonymous().RequireRateLimiting(PublicAccessEndpoints.RateLimitPolicy);
        publicApi.MapPublicAccess();
        publicApi.MapPublicProgress();
        publicApi.MapPublicAppointments();
        publicApi.MapPublicComplaints();
        publicApi.MapPublicRepairOrderLinks();
        publicApi.MapPublicSurveys();

        // What providers call back (delivery receipts): anonymous, each guarded by a secret in its address.
        app.MapGroup("/api/v1/callbacks").AllowAnonymous().MapSmsReceipts();
        return app;
    }
}
