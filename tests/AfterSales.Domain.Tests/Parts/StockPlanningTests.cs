using AfterSales.Domain.Parts;

namespace AfterSales.Domain.Tests.Parts;

public sealed class StockPlanningTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10, 0, 0, 4, 12, 0, 7, 0)]
    [InlineData(3, 0, 0, 4, 12, 0, 7, 9)]
    [InlineData(5, 2, 0, 4, 12, 0, 7, 9)]
    [InlineData(3, 0, 9, 4, 12, 0, 7, 0)]
    [InlineData(10, 0, 0, 4, 12, 60, 7, 18)]
    [InlineData(0, 0, 0, 0, 0, 0, 7, 0)]
    [InlineData(0, 0, 0, 0, 0, 30, 10, 20)]
    public void Reorder_suggests_topping_up_to_max_or_lead_time_demand(decimal onHand, decimal reserved, decimal onOrder, decimal min, decimal max, decimal issued30, int lead, decimal expected) =>
        Assert.Equal(expected, ReorderRule.Suggest(new ReorderInput(onHand, reserved, onOrder, min, max, issued30, lead)));

    [Fact]
    public void Stock_that_moved_recently_is_not_slow_moving()
    {
        var verdict = SlowMovingRule.Judge(new SlowMovingInput(5, Now.AddDays(-179), Now.AddDays(-900), null, null, null), Now, 180, 365);

        Assert.Null(verdict);
    }

    [Fact]
    public void Idle_stock_goes_to_a_store_that_uses_it_first()
    {
        var store = Guid.NewGuid();

        var verdict = SlowMovingRule.Judge(new SlowMovingInput(5, Now.AddDays(-200), Now.AddDays(-900), store, Guid.NewGuid(), Now.AddDays(-200)), Now, 180, 365);

        Assert.Equal(new SlowMovingVerdict(200, SlowMovingAction.TransferToStore, store, null), verdict);
    }

    [Fact]
    public void Idle_stock_nobody_uses_goes_back_to_a_supplier_within_the_return_window_else_to_scrap()
    {
        var supplier = Guid.NewGuid();

        var back = SlowMovingRule.Judge(new SlowMovingInput(2, Now.AddDays(-200), Now.AddDays(-900), null, supplier, Now.AddDays(-300)), Now, 180, 365);
        var scrap = SlowMovingRule.Judge(new SlowMovingInput(2, Now.AddDays(-400), Now.AddDays(-900), null, supplier, Now.AddDays(-400)), Now, 180, 365);

        Assert.Equal(SlowMovingAction.ReturnToSupplier, back!.Action);
        Assert.Equal(supplier, back.SupplierId);
        Assert.Equal(SlowMovingAction.Scrap, scrap!.Action);
    }

    [Fact]
    public void Empty_rows_and_never_moved_rows_are_judged_by_their_creation()
    {
        Assert.Null(SlowMovingRule.Judge(new SlowMovingInput(0, null, Now.AddDays(-900), null, null, null), Now, 180, 365));
        Assert.Equal(900, SlowMovingRule.Judge(new SlowMovingInput(1, null, Now.AddDays(-900), null, null, null), Now, 180, 365)!.IdleDays);
    }

    [Fact]
    public void A_withdrawal_never_takes_stock_below_zero_or_into_reservations()
    {
        var item = StockItem.Open(Guid.NewGuid(), Guid.NewGuid(), "a-1", Now);
        var actor = new AfterSales.Domain.Complaints.Actor(null, "t");

        Assert.Null(item.Post(MovementKind.Receipt, 3, 1, null, actor, null, Now, out _));
        Assert.Null(item.Reserve(2));
        Assert.Equal("stock.reserved_for_others", item.Post(MovementKind.IssueToJob, 2, 1, null, actor, null, Now, out _)!.Code);
        Assert.Null(item.Post(MovementKind.IssueToJob, 3, 1, null, actor, null, Now, out _, releasing: 2));
        Assert.Equal("stock.insufficient", item.Post(MovementKind.Scrap, 1, 1, null, actor, null, Now, out _)!.Code);
        Assert.Equal("stock.insufficient", item.Post(MovementKind.CountAdjustment, -1, 1, null, actor, null, Now, out _)!.Code);
        Assert.Equal(0, item.OnHand);
        Assert.Equal(0, item.Reserved);
        Assert.Equal("A-1", item.Bin);
    }
}
