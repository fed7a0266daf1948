using AfterSales.Domain.Appointments;

namespace AfterSales.Domain.Tests.Appointments;

public sealed class AppointmentLifecycleTests
{
    /// <summary>The lifecycle as the issue describes it: every allowed move; everything else is refused.</summary>
    private static readonly Dictionary<(AppointmentStatus, AppointmentTrigger), AppointmentStatus> Allowed = new()
    {
        [(AppointmentStatus.Requested, AppointmentTrigger.Confirm)] = AppointmentStatus.Confirmed,
        [(AppointmentStatus.Requested, AppointmentTrigger.Arrive)] = AppointmentStatus.Arrived,
        [(AppointmentStatus.Requested, AppointmentTrigger.Reschedule)] = AppointmentStatus.Rescheduled,
        [(AppointmentStatus.Requested, AppointmentTrigger.Cancel)] = AppointmentStatus.Cancelled,
        [(AppointmentStatus.Confirmed, AppointmentTrigger.MarkReady)] = AppointmentStatus.Ready,
        [(AppointmentStatus.Confirmed, AppointmentTrigger.Arrive)] = AppointmentStatus.Arrived,
        [(AppointmentStatus.Confirmed, AppointmentTrigger.Reschedule)] = AppointmentStatus.Rescheduled,
        [(AppointmentStatus.Confirmed, AppointmentTrigger.Cancel)] = AppointmentStatus.Cancelled,
        [(AppointmentStatus.Confirmed, AppointmentTrigger.MarkNoShow)] = AppointmentStatus.NoShow,
        [(AppointmentStatus.Ready, AppointmentTrigger.Arrive)] = AppointmentStatus.Arrived,
        [(AppointmentStatus.Ready, AppointmentTrigger.Reschedule)] = AppointmentStatus.Rescheduled,
        [(AppointmentStatus.Ready, AppointmentTrigger.Cancel)] = AppointmentStatus.Cancelled,
        [(AppointmentStatus.Ready, AppointmentTrigger.MarkNoShow)] = AppointmentStatus.NoShow,
        [(AppointmentStatus.Arrived, AppointmentTrigger.Convert)] = AppointmentStatus.Converted,
        [(AppointmentStatus.Rescheduled, AppointmentTrigger.Confirm)] = AppointmentStatus.Confirmed,
        [(AppointmentStatus.Rescheduled, AppointmentTrigger.Arrive)] = AppointmentStatus.Arrived,
        [(AppointmentStatus.Rescheduled, AppointmentTrigger.Reschedule)] = AppointmentStatus.Rescheduled,
        [(AppointmentStatus.Rescheduled, AppointmentTrigger.Cancel)] = AppointmentStatus.Cancelled,
        [(AppointmentStatus.Rescheduled, AppointmentTrigger.MarkNoShow)] = AppointmentStatus.NoShow,
    };

    /// <summary>The refusal code each refused pair gives, so that the reason a user reads is the right one.</summary>
    private static readonly Dictionary<(AppointmentStatus, AppointmentTrigger), string> Refused = new()
    {
        [(AppointmentStatus.Requested, AppointmentTrigger.MarkReady)] = AppointmentLifecycle.NotConfirmed,
        [(AppointmentStatus.Requested, AppointmentTrigger.MarkNoShow)] = AppointmentLifecycle.NotConfirmed,
        [(AppointmentStatus.Requested, AppointmentTrigger.Convert)] = AppointmentLifecycle.NotArrived,
        [(AppointmentStatus.Confirmed, AppointmentTrigger.Confirm)] = AppointmentLifecycle.AlreadyConfirmed,
        [(AppointmentStatus.Confirmed, AppointmentTrigger.Convert)] = AppointmentLifecycle.NotArrived,
        [(AppointmentStatus.Ready, AppointmentTrigger.Confirm)] = AppointmentLifecycle.AlreadyConfirmed,
        [(AppointmentStatus.Ready, AppointmentTrigger.MarkReady)] = AppointmentLifecycle.AlreadyReady,
        [(AppointmentStatus.Ready, AppointmentTrigger.Convert)] = AppointmentLifecycle.NotArrived,
        [(AppointmentStatus.Rescheduled, AppointmentTrigger.MarkReady)] = AppointmentLifecycle.NotConfirmed,
        [(AppointmentStatus.Rescheduled, AppointmentTrigger.Convert)] = AppointmentLifecycle.NotArrived,
    };

    public static TheoryData<AppointmentStatus, AppointmentTrigger> EveryPair()
    {
        var data = new TheoryData<AppointmentStatus, AppointmentTrigger>();
        foreach (var state in Enum.GetValues<AppointmentStatus>())
        {
            foreach (var trigger in Enum.GetValues<AppointmentTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_state_and_trigger_pair_is_decided_as_the_lifecycle_says(AppointmentStatus state, AppointmentTrigger trigger)
    {
        var move = AppointmentLifecycle.Decide(state, trigger);

        if (Allowed.TryGetValue((state, trigger), out var expected))
        {
            Assert.True(move.IsAllowed);
            Assert.Equal(expected, move.To);
            Assert.Null(move.RefusalCode);
            Assert.Contains(trigger, AppointmentLifecycle.PermittedTriggers(state));
            return;
        }

        Assert.False(move.IsAllowed);
        Assert.Null(move.To);
        Assert.DoesNotContain(trigger, AppointmentLifecycle.PermittedTriggers(state));
        var code = Refused.TryGetValue((state, trigger), out var c) ? c : state switch
        {
            AppointmentStatus.Arrived => AppointmentLifecycle.AlreadyArrived,
            AppointmentStatus.Converted => AppointmentLifecycle.ConvertedReadOnly,
            AppointmentStatus.Cancelled => AppointmentLifecycle.CancelledReadOnly,
            AppointmentStatus.NoShow => AppointmentLifecycle.NoShowReadOnly,
            _ => throw new InvalidOperationException($"No expected refusal for {state} / {trigger}."),
        };
        Assert.Equal(code, move.RefusalCode);
    }

    [Fact]
    public void Ended_appointments_permit_nothing()
    {
        Assert.Empty(AppointmentLifecycle.PermittedTriggers(AppointmentStatus.Converted));
        Assert.Empty(AppointmentLifecycle.PermittedTriggers(AppointmentStatus.Cancelled));
        Assert.Empty(AppointmentLifecycle.PermittedTriggers(AppointmentStatus.NoShow));
    }

    [Fact]
    public void Cancelled_and_no_show_appointments_free_their_slot_and_the_rest_hold_it()
    {
        var freeing = Enum.GetValues<AppointmentStatus>().Where(s => !AppointmentLifecycle.HoldsSlot(s));

        Assert.Equal([AppointmentStatus.Cancelled, AppointmentStatus.NoShow], freeing);
    }
}
