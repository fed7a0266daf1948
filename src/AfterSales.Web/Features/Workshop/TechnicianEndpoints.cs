using AfterSales.Web.Features.Complaints.Public;
using AfterSales.Web.Features.Files;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Workshop;

public static class TechnicianEndpoints
{
    public static IServiceCollection AddTechnicianWork(this IServiceCollection services) => services
        .AddHttpContextAccessor()
        .AddSingleton<RepairOrderLinkTokens>()
        .AddScoped<TechnicianWork>()
        .AddScoped<ExtraWork>()
        .AddScoped<SendCustomerLink>()
        .AddScoped<PublicRepairOrderLinks>()
        .AddFileOwner<JobFindingFileOwner>();

    public static void MapTechnicianWork(this RouteGroupBuilder api)
    {
        var workshop = api.MapGroup("/workshop").WithTags("Workshop");
        workshop.MapGet("/my-jobs", async (TechnicianWork handler, CancellationToken ct) => TypedResults.Ok(await handler.MyJobsAsync(ct)))
            .WithName("GetMyJobs")
            .WithSummary("The signed-in technician's open jobs (assigned, in progress, paused), in progress first, then by promised time.");

        workshop.MapGet("/jobs/{jobId:guid}", async (Guid jobId, TechnicianWork handler, Problems problems, CancellationToken ct) =>
                (await handler.JobAsync(jobId, ct)).ToHttp(problems))
            .WithName("GetTechnicianJobById")
            .WithSummary("A job as the technician sees it, found by the job's id alone.")
            .Produces<TechnicianJobView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var jobs = api.MapGroup("/repair-orders/{id:guid}").WithTags("Workshop");
        jobs.MapGet("/jobs/{jobId:guid}/work", async (Guid id, Guid jobId, TechnicianWork handler, Problems problems, CancellationToken ct) =>
                (await handler.JobAsync(id, jobId, ct)).ToHttp(problems))
            .WithName("GetTechnicianJob")
            .WithSummary("A job as the technician sees it: the order, the vehicle, the customer's words, parts, clock sessions, actual beside standard hours.")
            .Produces<TechnicianJobView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        jobs.MapPost("/jobs/{jobId:guid}/start", async (Guid id, Guid jobId, JobClockRequest request, TechnicianWork handler, Problems problems, CancellationToken ct) =>
                (await handler.StartAsync(id, jobId, request, ct)).ToHttp(problems))
            .WithName("StartRepairJob")
            .WithSummary("The technician starts an assigned job: a clock session opens. Refused on work the customer has not approved.")
            .Produces<TechnicianJobView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        jobs.MapPost("/jobs/{jobId:guid}/pause", async (Guid id, Guid jobId, PauseJobRequest request, TechnicianWork handler, Problems problems, CancellationToken ct) =>
                (await handler.PauseAsync(id, jobId, request, ct)).ToHttp(problems))
            .WithName("PauseRepairJob")
            .WithSummary("Pauses a job in progress with a reason (waiting for parts, for approval, end of shift, other with a note); the clock session closes.")
            .Produces<TechnicianJobView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        jobs.MapPost("/jobs/{jobId:guid}/resume", async (Guid id, Guid jobId, JobClockRequest request, TechnicianWork handler, Problems problems, CancellationToken ct) =>
                (await handler.ResumeAsync(id, jobId, request, ct)).ToHttp(problems))
            .WithName("ResumeRepairJob")
            .WithSummary("Resumes a paused job: a new clock session opens.")
            .Produces<TechnicianJobView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        jobs.MapPost("/jobs/{jobId:guid}/parts-requests", async (Guid id, Guid jobId, RequestJobPartsRequest request, TechnicianWork handler, Problems problems, CancellationToken ct) =>
                (await handler.RequestPartsAsync(id, jobId, request, ct)).ToHttp(problems, r => TypedResults.Created($"/api/v1/part-reservations/{r.Id}", r)))
            .WithName("RequestJobParts")
            .WithSummary("The technician asks for parts for a job: a reservation on the job that the parts clerk issues; receipt is confirmed with POST /part-issues/{id}/confirm.")
            .Produces<ReservationView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        jobs.MapPost("/delays", async (Guid id, ReportDelayRequest request, TechnicianWork handler, Problems problems, CancellationToken ct) =>
                (await handler.ReportDelayAsync(id, request, ct)).ToHttp(problems))
            .WithName("ReportRepairDelay")
            .WithSummary("Reports that the work will be late: the promised time moves, the customer is texted the new time and the advisor alerted.")
            .Produces<RepairOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        jobs.MapPost("/findings", async (Guid id, ReportFindingRequest request, ExtraWork handler, Problems problems, CancellationToken ct) =>
                (await handler.ReportFindingAsync(id, request, ct)).ToHttp(problems, f => TypedResults.Created($"/api/v1/repair-orders/{id}/extra-work", f)))
            .WithName("ReportFinding")
            .WithSummary($"The technician reports a finding (text, safety-critical or not); photos are uploaded as files of owner kind '{JobFindingFileOwner.OwnerKind}'.")
            .Produces<JobFindingView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        jobs.MapGet("/extra-work", async (Guid id, ExtraWork handler, Problems problems, CancellationToken ct) => (await handler.GetAsync(id, ct)).ToHttp(problems))
            .WithName("GetExtraWork")
            .WithSummary("The order's findings, extra jobs, the evidence of each answer, delays and old parts.")
            .Produces<ExtraWorkView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        jobs.MapPost("/extra-work", async (Guid id, ProposeExtraWorkRequest request, ExtraWork handler, Problems problems, CancellationToken ct) =>
                (await handler.ProposeAsync(id, request, ct)).ToHttp(problems))
            .WithName("ProposeExtraWork")
            .WithSummary("Prices extra work as a proposed job (operation of the catalogue and parts); approved at once if the customer's pre-approved amount covers it.")
            .Produces<ExtraWorkView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        jobs.MapPost("/jobs/{jobId:guid}/customer-decision", async (Guid id, Guid jobId, DecideExtraWorkRequest request, ExtraWork handler, Problems problems, CancellationToken ct) =>
                (await handler.DecideInPersonAsync(id, jobId, request, ct)).ToHttp(problems))
            .WithName("DecideExtraWorkInPerson")
            .WithSummary("The customer approves or declines a proposed job in person, with a signature; the text answered is kept with it.")
            .Produces<ExtraWorkView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        jobs.MapPost("/jobs/{jobId:guid}/old-parts", async (Guid id, Guid jobId, RecordOldPartRequest request, ExtraWork handler, Problems problems, CancellationToken ct) =>
                (await handler.RecordOldPartAsync(id, jobId, request, ct)).ToHttp(problems))
            .WithName("RecordOldPart")
            .WithSummary("Records an old part of a job: kept for the customer, returned for warranty (with its claim) or scrapped.")
            .Produces<ExtraWorkView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        jobs.MapPost("/customer-links", async (Guid id, SendCustomerLinkRequest request, SendCustomerLink handler, HttpContext http, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, http.Request.PublicBase(), ct)).ToHttp(problems))
            .WithName("SendRepairOrderCustomerLink")
            .WithSummary("Texts the customer a signed link, valid 48 hours, to answer the proposed extra work or to sign the order remotely.")
            .Produces<CustomerLinkView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static void MapPublicRepairOrderLinks(this RouteGroupBuilder publicApi)
    {
        var group = publicApi.MapGroup("/repair-orders/{token}").WithTags("Public");
        group.MapGet("/", async (string token, PublicRepairOrderLinks handler, Problems problems, CancellationToken ct) => (await handler.GetAsync(token, ct)).ToHttp(problems))
            .WithName("GetPublicRepairOrder")
            .WithSummary("What the customer's link shows: the proposed extra work with prices, or the order to sign.")
            .Produces<PublicRepairOrderView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/jobs/{jobId:guid}/decision", async (string token, Guid jobId, PublicExtraWorkDecisionRequest request, PublicRepairOrderLinks handler, HttpContext http, Problems problems, CancellationToken ct) =>
                (await handler.DecideAsync(token, jobId, request, http.Connection.RemoteIpAddress?.ToString(), ct)).ToHttp(problems))
            .WithName("DecideExtraWorkByLink")
            .WithSummary("The customer approves or declines one proposed job through the link; an answered job is refused.")
            .Produces<PublicRepairOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/signature", async (string token, PublicSignatureRequest request, PublicRepairOrderLinks handler, HttpContext http, Problems problems, CancellationToken ct) =>
                (await handler.SignAsync(token, request, http.Connection.RemoteIpAddress?.ToString(), http.Request.PublicBase(), ct)).ToHttp(problems))
            .WithName("SignRepairOrderByLink")
            .WithSummary("The customer signs the repair order through the link; the signed text and the address are kept.")
            .Produces<PublicRepairOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
