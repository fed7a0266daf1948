using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AfterSales.Web.Features.Notifications.Channels;

/// <summary>E-mail over SMTP with MailKit; registered when Notifications:Smtp:Host is set.</summary>
public sealed class SmtpEmailChannel(IOptions<NotificationOptions> options) : INotificationChannel
{
    public const string ProviderName = "smtp";

    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task<Delivery> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var host = smtp.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is not set.");
        MimeMessage mail;
        try
        {
            mail = new MimeMessage();
            mail.From.Add(MailboxAddress.Parse(smtp.From));
            mail.To.Add(MailboxAddress.Parse(message.Recipient));
        }
        catch (ParseException e)
        {
            throw new NotificationDeliveryException($"Invalid e-mail address: {e.Message}", permanent: true, e);
        }

        mail.Subject = message.Subject;
        mail.Body = new TextPart("plain") { Text = message.Body };
        mail.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(host, smtp.Port, smtp.Tls, ct);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, ct);
            }

            await client.SendAsync(mail, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            // 5xx for the recipient or the message itself: sending it again will be refused again.
            throw new NotificationDeliveryException($"SMTP refused the message: {(int)e.StatusCode} {e.Message}", permanent: true, e);
        }

        return new Delivery(ProviderName, mail.MessageId);
    }
}
