using AfterSales.Domain.Stores;

namespace AfterSales.Domain.Tests.Stores;

public sealed class StoreRuleTests
{
    [Theory]
    [InlineData("Asia/Shanghai", true)]
    [InlineData("Asia/Urumqi", true)]
    [InlineData("China Standard Time", false)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("", false)]
    public void Only_IANA_time_zones_are_accepted(string id, bool valid) => Assert.Equal(valid, Store.IsIanaTimeZone(id));

    [Fact]
    public void Holidays_need_a_name_and_a_date_appears_once()
    {
        var errors = Store.CheckHolidays([new(new DateOnly(2026, 1, 1), " ", false), new(new DateOnly(2026, 1, 1), "元旦", false)]);

        Assert.Equal(["store.holiday_name_required", "store.duplicate_holiday_date"], errors.Select(e => e.Code));
    }

    [Fact]
    public void A_valid_holiday_list_with_a_make_up_day_passes() =>
        Assert.Empty(Store.CheckHolidays([new(new DateOnly(2026, 10, 1), "国庆节", false), new(new DateOnly(2026, 10, 10), "国庆调休上班", true)]));
}
