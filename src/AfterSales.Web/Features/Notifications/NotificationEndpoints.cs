using AfterSales.Web.Features.Notifications.Channels;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Jobs;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Features.Notifications;

public static class NotificationEndpoints
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.Section)
            .Validate(o => o.Dispatcher.Interval > TimeSpan.Zero && o.Dispatcher.BatchSize > 0 && o.Dispatcher.MaxAttempts > 0, "Notifications:Dispatcher needs a positive Interval, BatchSize and MaxAttempts.")
            .Validate(o => o.Dispatcher.Lease > o.Smtp.Timeout, "Notifications:Dispatcher:Lease must be longer than Notifications:Smtp:Timeout, or a slow send is delivered twice.")
            .Validate<IHostEnvironment>(
                (o, env) => ProviderChoice.IsAllowed(o.Sms.Provider, env),
                "Notifications:Sms:Provider \"development\" (the development sink, which delivers nothing) is allowed only in the Development environment.")
            .Validate<IHostEnvironment>(
                (o, env) => ProviderChoice.IsAllowed(o.WeChat.Provider, env),
                "Notifications:WeChat:Provider \"development\" (the development sink, which delivers nothing) is allowed only in the Development environment.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, SmsSettingsValidation>();

        services.AddSingleton<Notifications>();
        services.AddSingleton<DevelopmentSink>();

        // Every SMS gateway registers as an ISmsProvider; SmsProviders picks the one Notifications:Sms:Provider names.
        services.AddSingleton<ISmsProvider>(sp => sp.GetRequiredService<DevelopmentSink>());
        services.AddSingleton<ISmsProvider, TencentSmsProvider>();
        services.AddHttpClient(TencentSmsProvider.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Sms.Timeout);
        services.AddSingleton<SmsProviders>();

        // Every WeChat gateway registers as an IWeChatTemplateProvider; WeChatProviders picks the one Notifications:WeChat:Provider names.
        services.AddSingleton<IWeChatTemplateProvider>(sp => sp.GetRequiredService<DevelopmentSink>());
        services.AddSingleton<WeChatProviders>();
        services.AddSingleton<INotificationChannel, SmsProviderChannel>();
        services.AddSingleton<INotificationChannel, WeChatTemplateChannel>();

        // E-mail goes over SMTP once a host is set; without one, to the development sink in Development only. Elsewhere
        // every e-mail is recorded as "not sent: no provider configured".
        services.AddSingleton<INotificationChannel>(sp => sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Smtp.IsConfigured
            ? ActivatorUtilities.CreateInstance<SmtpEmailChannel>(sp)
            : sp.GetRequiredService<IHostEnvironment>().IsDevelopment()
                ? ActivatorUtilities.CreateInstance<DevelopmentEmailChannel>(sp)
                : new UnconfiguredChannel(NotificationChannel.Email));

        services.AddScoped<DispatchDueMessages>();
        services.AddScoped<SearchMessages>();
        services.AddScoped<GetMessage>();
        services.AddScoped<RetryMessage>();
        services.AddScoped<RecordSmsReceipts>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }

    public static void MapNotifications(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/messages").WithTags("Messages").RequireAuthorization(Policies.Administrator)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", async ([AsParameters] SearchMessagesRequest request, SearchMessages handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("SearchMessages")
            .WithSummary("The message log (SMS, e-mail, WeChat): newest first, by status, channel, customer or text; paged. Administrators only.");

        group.MapGet("/{id:guid}", async (Guid id, GetMessage handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetMessage")
            .Produces<MessageView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/retry", async (Guid id, RetryMessage handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("RetryMessage")
            .WithSummary("Queues a Failed or Dead message for delivery now, with a fresh set of attempts.")
            .Produces<MessageView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
