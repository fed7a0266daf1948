using AfterSales.Domain.Assets;
using AfterSales.Domain.Service;
using AfterSales.Domain.Warranty;

namespace AfterSales.Domain.Tests.Warranty;

public sealed class PayTypeProposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Sold = new(2023, 5, 10);

    // The statutory minimum for every car (家用汽车三包: 3 years or 60,000 km) and a maker's longer terms.
    private static readonly WarrantyPolicy Statutory = Policy("家用汽车三包包修", null, null, ComponentGroup.WholeVehicle, 36, 60_000);
    private static readonly WarrantyPolicy BydWhole = Policy("比亚迪整车保修", "比亚迪", null, ComponentGroup.WholeVehicle, 72, 150_000);
    private static readonly WarrantyPolicy BydBattery = Policy("比亚迪三电保修", "比亚迪", null, ComponentGroup.TractionBattery, 96, 150_000);
    private static readonly WarrantyPolicy WearExcluded = Policy("易损件不保", null, null, ComponentGroup.WearParts, 0, null, exclusion: true, exclusions: "刹车片、雨刮片、轮胎");
    private static readonly WarrantyPolicy FirstService = Policy("首保", null, null, ComponentGroup.FirstService, 6, 5_000);

    private static readonly WarrantyPolicy[] Policies = [Statutory, BydWhole, BydBattery, WearExcluded, FirstService];

    private static WarrantyPolicy Policy(string name, string? brand, string? keyword, ComponentGroup group, int months, int? km, bool exclusion = false, string? exclusions = null, AssetKind kind = AssetKind.Vehicle) =>
        WarrantyPolicy.Define(new PolicyTerms(name, kind, brand, keyword, group, months, km, exclusion, exclusions), Now);

    private static CoverageFacts Car(string brand, DateOnly today, int? km, ComponentGroup group = ComponentGroup.WholeVehicle, DateOnly? sold = null, bool firstServiceUsed = false) =>
        new(AssetKind.Vehicle, brand, "车型", sold ?? Sold, today, km, group, firstServiceUsed);

    private static PayTypeProposal Propose(CoverageFacts facts, params ExtendedWarrantyContract[] contracts) => PayTypeProposer.Propose(facts, Policies, contracts);

    [Fact]
    public void A_car_inside_the_statutory_terms_is_warranty_and_says_which_policy_and_until_when()
    {
        var proposal = Propose(Car("大众", new DateOnly(2025, 1, 1), 30_000));

        Assert.Equal(PayType.Warranty, proposal.PayType);
        Assert.Equal(PayTypeProposer.CoveredByPolicy, proposal.ReasonCode);
        Assert.Equal(Statutory.Id, proposal.PolicyId);
        Assert.Equal(new DateOnly(2026, 5, 9), proposal.CoveredUntil);
        Assert.Contains("家用汽车三包包修", proposal.Reason.ZhCn, StringComparison.Ordinal);
        Assert.Contains("2026-05-09", proposal.Reason.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-05-09", PayType.Warranty, PayTypeProposer.CoveredByPolicy)]
    [InlineData("2026-05-10", PayType.Customer, PayTypeProposer.ExpiredByAge)]
    [InlineData("2023-05-10", PayType.Warranty, PayTypeProposer.CoveredByPolicy)]
    public void The_day_before_the_anniversary_is_the_last_covered_day(string today, PayType expected, string code)
    {
        var proposal = Propose(Car("大众", DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), 10_000));

        Assert.Equal(expected, proposal.PayType);
        Assert.Equal(code, proposal.ReasonCode);
    }

    [Theory]
    [InlineData(59_999, PayType.Warranty)]
    [InlineData(60_000, PayType.Warranty)]
    [InlineData(60_001, PayType.Customer)]
    public void The_mileage_limit_itself_is_still_covered(int km, PayType expected)
    {
        var proposal = Propose(Car("大众", new DateOnly(2024, 1, 1), km));

        Assert.Equal(expected, proposal.PayType);
        if (expected == PayType.Customer)
        {
            Assert.Equal(PayTypeProposer.ExpiredByMileage, proposal.ReasonCode);
            Assert.Contains("60,001", proposal.Reason.En, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Age_decides_before_mileage_when_both_are_over()
    {
        var proposal = Propose(Car("大众", new DateOnly(2027, 1, 1), 90_000));

        Assert.Equal(PayTypeProposer.ExpiredByAge, proposal.ReasonCode);
        Assert.Equal(Statutory.Id, proposal.PolicyId);
    }

    [Fact]
    public void A_makers_longer_terms_cover_what_the_statutory_minimum_no_longer_does()
    {
        var proposal = Propose(Car("比亚迪", new DateOnly(2027, 1, 1), 90_000));

        Assert.Equal(PayType.Warranty, proposal.PayType);
        Assert.Equal(BydWhole.Id, proposal.PolicyId);
        Assert.Equal(new DateOnly(2029, 5, 9), proposal.CoveredUntil);
    }

    [Fact]
    public void The_make_matches_whatever_the_spacing_and_case()
    {
        var lower = Policy("Tesla", "tesla", null, ComponentGroup.WholeVehicle, 48, 80_000);

        var proposal = PayTypeProposer.Propose(Car(" TESLA ", new DateOnly(2027, 1, 1), 70_000), [lower], []);

        Assert.Equal(lower.Id, proposal.PolicyId);
    }

    [Fact]
    public void The_ev_battery_runs_longer_than_the_vehicle()
    {
        var battery = Propose(Car("比亚迪", new DateOnly(2030, 5, 9), 140_000, ComponentGroup.TractionBattery));
        var body = Propose(Car("比亚迪", new DateOnly(2030, 5, 9), 140_000));

        Assert.Equal(PayType.Warranty, battery.PayType);
        Assert.Equal(BydBattery.Id, battery.PolicyId);
        Assert.Equal(PayType.Customer, body.PayType);
        Assert.Equal(PayTypeProposer.ExpiredByAge, body.ReasonCode);
        Assert.Equal(BydWhole.Id, body.PolicyId);
    }

    [Fact]
    public void A_component_without_terms_of_its_own_falls_under_the_whole_vehicle()
    {
        var proposal = Propose(Car("比亚迪", new DateOnly(2027, 1, 1), 90_000, ComponentGroup.DriveMotor));

        Assert.Equal(PayType.Warranty, proposal.PayType);
        Assert.Equal(BydWhole.Id, proposal.PolicyId);
        Assert.Contains("整车", proposal.Reason.ZhCn, StringComparison.Ordinal);
    }

    [Fact]
    public void Wear_parts_are_excluded_even_on_a_new_car_and_the_reason_names_the_exclusion()
    {
        var proposal = Propose(Car("比亚迪", new DateOnly(2023, 6, 1), 1_000, ComponentGroup.WearParts));

        Assert.Equal(PayType.Customer, proposal.PayType);
        Assert.Equal(PayTypeProposer.Excluded, proposal.ReasonCode);
        Assert.Equal(WearExcluded.Id, proposal.PolicyId);
        Assert.Contains("刹车片", proposal.Reason.ZhCn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_makers_own_wear_part_terms_beat_a_general_exclusion()
    {
        var teslaWear = Policy("特斯拉易损件", "特斯拉", null, ComponentGroup.WearParts, 12, 20_000);

        var proposal = PayTypeProposer.Propose(Car("特斯拉", new DateOnly(2023, 12, 1), 8_000, ComponentGroup.WearParts), [WearExcluded, teslaWear], []);

        Assert.Equal(PayType.Warranty, proposal.PayType);
        Assert.Equal(teslaWear.Id, proposal.PolicyId);
    }

    [Theory]
    [InlineData("2023-11-09", 4_999, false, PayType.Warranty, PayTypeProposer.FirstServiceFree)]
    [InlineData("2023-11-10", 4_999, false, PayType.Customer, PayTypeProposer.ExpiredByAge)]
    [InlineData("2023-08-01", 5_001, false, PayType.Customer, PayTypeProposer.ExpiredByMileage)]
    [InlineData("2023-08-01", 3_000, true, PayType.Customer, PayTypeProposer.FirstServiceUsed)]
    public void The_first_service_is_free_once_within_its_window(string today, int km, bool used, PayType expected, string code)
    {
        var proposal = Propose(Car("大众", DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), km, ComponentGroup.FirstService, firstServiceUsed: used));

        Assert.Equal(expected, proposal.PayType);
        Assert.Equal(code, proposal.ReasonCode);
    }

    [Fact]
    public void Without_a_sale_date_the_decision_is_pending()
    {
        var proposal = Propose(Car("大众", new DateOnly(2025, 1, 1), 10_000) with { WarrantyStart = null });

        Assert.Equal(PayType.PendingDecision, proposal.PayType);
        Assert.Equal(PayTypeProposer.StartUnknown, proposal.ReasonCode);
    }

    [Fact]
    public void A_sale_date_after_today_is_pending()
    {
        var proposal = Propose(Car("大众", new DateOnly(2023, 5, 9), 10));

        Assert.Equal(PayTypeProposer.StartInFuture, proposal.ReasonCode);
    }

    [Fact]
    public void Without_the_mileage_a_car_within_its_age_is_pending_but_one_past_its_age_is_not()
    {
        var young = Propose(Car("大众", new DateOnly(2025, 1, 1), null));
        var old = Propose(Car("大众", new DateOnly(2026, 6, 1), null));

        Assert.Equal(PayType.PendingDecision, young.PayType);
        Assert.Equal(PayTypeProposer.MileageUnknown, young.ReasonCode);
        Assert.Equal(PayType.Customer, old.PayType);
        Assert.Equal(PayTypeProposer.ExpiredByAge, old.ReasonCode);
    }

    [Fact]
    public void No_policy_for_the_asset_is_pending_until_someone_checks_the_warranty_card()
    {
        var proposal = PayTypeProposer.Propose(Car("大众", new DateOnly(2025, 1, 1), 1_000), [BydWhole], []);

        Assert.Equal(PayType.PendingDecision, proposal.PayType);
        Assert.Equal(PayTypeProposer.NoPolicy, proposal.ReasonCode);
    }

    [Fact]
    public void An_inactive_policy_does_not_apply()
    {
        var retired = Policy("旧政策", null, null, ComponentGroup.WholeVehicle, 120, null);
        retired.SetActive(false);

        var proposal = PayTypeProposer.Propose(Car("大众", new DateOnly(2025, 1, 1), 1_000), [retired], []);

        Assert.Equal(PayTypeProposer.NoPolicy, proposal.ReasonCode);
    }

    [Fact]
    public void A_group_of_another_kind_of_asset_is_pending()
    {
        var proposal = Propose(Car("大众", new DateOnly(2025, 1, 1), 1_000, ComponentGroup.Compressor));

        Assert.Equal(PayTypeProposer.GroupNotForAsset, proposal.ReasonCode);
    }

    [Theory]
    [InlineData("2026-05-10", 60_001, PayType.Warranty)]
    [InlineData("2028-05-09", 100_000, PayType.Warranty)]
    [InlineData("2028-05-10", 90_000, PayType.Customer)]
    [InlineData("2027-01-01", 100_001, PayType.Customer)]
    public void An_extended_warranty_takes_over_after_the_factory_terms_both_ends_included(string today, int km, PayType expected)
    {
        var contract = Contract(new DateOnly(2026, 5, 10), new DateOnly(2028, 5, 9), 100_000, ComponentGroup.WholeVehicle);

        var proposal = Propose(Car("大众", DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), km), contract);

        Assert.Equal(expected, proposal.PayType);
        if (expected == PayType.Warranty)
        {
            Assert.Equal(PayTypeProposer.CoveredByContract, proposal.ReasonCode);
            Assert.Equal(contract.Id, proposal.ContractId);
            Assert.Contains("YB-001", proposal.Reason.ZhCn, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_contract_covers_only_the_groups_it_lists_and_never_wear_parts_through_the_whole_vehicle()
    {
        var powertrain = Contract(new DateOnly(2026, 5, 10), new DateOnly(2028, 5, 9), null, ComponentGroup.Powertrain);
        var whole = Contract(new DateOnly(2026, 5, 10), new DateOnly(2028, 5, 9), null, ComponentGroup.WholeVehicle);
        var today = new DateOnly(2027, 1, 1);

        Assert.Equal(PayType.Warranty, Propose(Car("大众", today, 70_000, ComponentGroup.Powertrain), powertrain).PayType);
        Assert.Equal(PayType.Customer, Propose(Car("大众", today, 70_000, ComponentGroup.DriveMotor), powertrain).PayType);
        Assert.Equal(PayType.Warranty, Propose(Car("大众", today, 70_000, ComponentGroup.DriveMotor), whole).PayType);
        Assert.Equal(PayTypeProposer.Excluded, Propose(Car("大众", today, 70_000, ComponentGroup.WearParts), whole).ReasonCode);
    }

    [Fact]
    public void A_cancelled_or_not_yet_started_contract_does_not_cover()
    {
        var cancelled = Contract(new DateOnly(2026, 5, 10), new DateOnly(2028, 5, 9), null, ComponentGroup.WholeVehicle);
        cancelled.Cancel("客户退保", Now);
        var later = Contract(new DateOnly(2027, 6, 1), new DateOnly(2029, 5, 9), null, ComponentGroup.WholeVehicle);

        var proposal = Propose(Car("大众", new DateOnly(2027, 1, 1), 70_000), cancelled, later);

        Assert.Equal(PayType.Customer, proposal.PayType);
        Assert.Equal(PayTypeProposer.ExpiredByAge, proposal.ReasonCode);
    }

    [Fact]
    public void Without_policies_an_expired_contract_says_so()
    {
        var contract = Contract(new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), null, ComponentGroup.WholeVehicle);

        var proposal = PayTypeProposer.Propose(Car("大众", new DateOnly(2026, 1, 1), 70_000), [], [contract]);

        Assert.Equal(PayTypeProposer.ContractExpired, proposal.ReasonCode);
        Assert.Equal(PayType.Customer, proposal.PayType);
    }

    [Fact]
    public void A_phone_battery_has_shorter_terms_than_the_phone_and_no_mileage()
    {
        var phone = Policy("手机三包", null, null, ComponentGroup.WholeUnit, 12, null, kind: AssetKind.Phone);
        var battery = Policy("手机电池三包", null, null, ComponentGroup.PhoneBattery, 6, null, kind: AssetKind.Phone);
        var facts = new CoverageFacts(AssetKind.Phone, "华为", "Mate 60 Pro", new DateOnly(2026, 1, 10), new DateOnly(2026, 7, 10), null, ComponentGroup.PhoneBattery);

        var proposal = PayTypeProposer.Propose(facts, [phone, battery], []);

        // The battery's own six months are over, but the phone's twelve still run: the customer gets the longer.
        Assert.Equal(PayType.Warranty, proposal.PayType);
        Assert.Equal(battery.Id, PayTypeProposer.Propose(facts with { Today = new DateOnly(2026, 7, 9) }, [battery], []).PolicyId);
        Assert.Equal(PayTypeProposer.ExpiredByAge, PayTypeProposer.Propose(facts, [battery], []).ReasonCode);
    }

    [Fact]
    public void An_appliance_compressor_is_covered_by_the_product_type_terms_longer_than_the_unit()
    {
        var fridge = Policy("冰箱三包整机", null, "冰箱", ComponentGroup.WholeUnit, 12, null, kind: AssetKind.Appliance);
        var compressor = Policy("海尔冰箱压缩机", "海尔", "冰箱", ComponentGroup.Compressor, 120, null, kind: AssetKind.Appliance);
        var facts = new CoverageFacts(AssetKind.Appliance, "海尔", "BCD-470WDPG 冰箱", new DateOnly(2020, 3, 1), new DateOnly(2026, 11, 23), null, ComponentGroup.Compressor);

        var proposal = PayTypeProposer.Propose(facts, [fridge, compressor], []);
        var unit = PayTypeProposer.Propose(facts with { Group = ComponentGroup.WholeUnit }, [fridge, compressor], []);
        var airConditioner = PayTypeProposer.Propose(facts with { Model = "KFR-35GW 空调" }, [fridge, compressor], []);

        Assert.Equal(PayType.Warranty, proposal.PayType);
        Assert.Equal(compressor.Id, proposal.PolicyId);
        Assert.Equal(PayTypeProposer.ExpiredByAge, unit.ReasonCode);
        Assert.Equal(PayTypeProposer.NoPolicy, airConditioner.ReasonCode);
    }

    [Fact]
    public void The_end_of_a_month_clamps_to_the_shorter_month()
    {
        var policy = Policy("一个月", null, null, ComponentGroup.WholeVehicle, 1, null);

        Assert.Equal(new DateOnly(2024, 2, 29), PayTypeProposer.End(policy, new DateOnly(2024, 1, 31)));
        Assert.Equal(PayType.Warranty, PayTypeProposer.Propose(Car("x", new DateOnly(2024, 2, 28), 1, sold: new DateOnly(2024, 1, 31)), [policy], []).PayType);
        Assert.Equal(PayType.Customer, PayTypeProposer.Propose(Car("x", new DateOnly(2024, 2, 29), 1, sold: new DateOnly(2024, 1, 31)), [policy], []).PayType);
    }

    private static ExtendedWarrantyContract Contract(DateOnly from, DateOnly to, int? km, params ComponentGroup[] groups) =>
        ExtendedWarrantyContract.Sell(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new ContractTerms("YB-001", "厂家延保", from, to, km, groups, 3_000m), null, Now);
}
