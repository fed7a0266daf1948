using AfterSales.Domain.ThreeGuarantees;

namespace AfterSales.Domain.Tests.ThreeGuarantees;

public sealed class ThreeGuaranteeEvaluatorTests
{
    private static readonly DateOnly Invoice = new(2024, 3, 1);
    private static readonly ThreeGuaranteeRules Car = ThreeGuaranteeRules.HouseholdCar2022;
    private static readonly GuaranteeSubject Vehicle = new(GuaranteeProductKind.HouseholdCar, Invoice, 200_000m, 12_000);

    private static int orderNo;

    private static QualityRepair Repair(
        DateOnly received, int days = 1, int km = 10_000, FaultSystem system = FaultSystem.Electrical,
        string problem = "P0A80", bool safety = false, bool open = false, EarlySeriousFault? early = null, params ReplacedComponent[] replaced) =>
        new(Guid.NewGuid(), $"RO-{Interlocked.Increment(ref orderNo):D5}", received, open ? null : received.AddDays(days),
            km, system, problem, safety, replaced, EarlyFault: early);

    private static GuaranteeStatus Evaluate(DateOnly asOf, params QualityRepair[] ledger) =>
        ThreeGuaranteeEvaluator.Evaluate(Car, Vehicle, ledger, asOf);

    [Fact]
    public void Rule_sets_cite_an_article_and_the_car_figures_are_the_regulations()
    {
        Assert.Equal((36, 60_000, 24, 50_000), (Car.WarrantyMonths.Value, Car.WarrantyKm!.Value, Car.GuaranteeMonths.Value, Car.GuaranteeKm!.Value));
        Assert.Equal((60, 3_000, 2, 30, 4, 5), (Car.EarlyDays!.Value, Car.EarlyKm!.Value, Car.SeriousSafetyRepairs!.Value,
            Car.CumulativeRepairDays!.Value, Car.SameProblemRepairs!.Value, Car.LongRepairDays!.Value));
        Assert.StartsWith("第二十四条", Car.CumulativeRepairDays.Article, StringComparison.Ordinal);
        foreach (var set in ThreeGuaranteeRules.Defaults)
        {
            Assert.False(string.IsNullOrWhiteSpace(set.WarrantyMonths.Article));
        }
    }

    [Fact]
    public void The_rule_set_in_force_is_the_newest_effective_by_the_date()
    {
        var newer = Car with { EffectiveFrom = new DateOnly(2027, 1, 1), CumulativeRepairDays = new(25, "新第二十四条") };
        Assert.Same(Car, ThreeGuaranteeRules.InForce([Car, newer], GuaranteeProductKind.HouseholdCar, new DateOnly(2026, 12, 31)));
        Assert.Same(newer, ThreeGuaranteeRules.InForce([Car, newer], GuaranteeProductKind.HouseholdCar, new DateOnly(2027, 1, 1)));
        Assert.Null(ThreeGuaranteeRules.InForce([Car], GuaranteeProductKind.HouseholdCar, new DateOnly(2021, 12, 31)));
    }

    [Theory]
    [InlineData(59, 2_999, true)]
    [InlineData(60, 2_999, false)]
    [InlineData(10, 3_000, false)]
    [InlineData(10, 2_999, true)]
    public void A_braking_failure_within_60_days_or_3000_km_gives_replacement_or_refund(int day, int km, bool entitled)
    {
        var r = Repair(Invoice.AddDays(day), km: km, system: FaultSystem.Braking, early: EarlySeriousFault.BrakingFailure);
        var status = Evaluate(Invoice.AddDays(day + 1), r);
        var early = status.Entitlements.Where(e => e.Rule == GuaranteeRule.EarlySeriousFault).ToList();
        Assert.Equal(entitled, early.Count == 1);
        if (entitled)
        {
            Assert.Equal([r.OrderId], early[0].EvidenceOrders);
            Assert.Equal([GuaranteeOption.Replacement, GuaranteeOption.Refund], early[0].Options);
            Assert.Equal("第二十三条", early[0].Article);
            Assert.True(early[0].Free);
        }
    }

    [Fact]
    public void A_battery_fault_in_the_first_60_days_counts_only_when_it_is_a_fire()
    {
        var fault = Repair(Invoice.AddDays(20), km: 800, system: FaultSystem.PowerBattery, problem: "BMS-CELL-IMBALANCE");
        var fire = Repair(Invoice.AddDays(30), km: 900, system: FaultSystem.PowerBattery, early: EarlySeriousFault.PowerBatteryFire);
        Assert.DoesNotContain(Evaluate(Invoice.AddDays(21), fault).Entitlements, e => e.Rule == GuaranteeRule.EarlySeriousFault);
        var entitled = Assert.Single(Evaluate(Invoice.AddDays(31), fault, fire).Entitlements, e => e.Rule == GuaranteeRule.EarlySeriousFault);
        Assert.Equal(("PowerBatteryFire", fire.ReceivedOn), (entitled.Subject, entitled.Since));
    }

    [Fact]
    public void A_drive_motor_failure_in_the_first_60_days_gives_a_new_motor_not_a_new_car()
    {
        var status = Evaluate(Invoice.AddDays(21), Repair(Invoice.AddDays(20), km: 800, system: FaultSystem.DriveMotor, problem: "MOTOR-BEARING"));
        Assert.DoesNotContain(status.Entitlements, e => e.Rule == GuaranteeRule.EarlySeriousFault);
        var assembly = Assert.Single(status.Entitlements);
        Assert.Equal((GuaranteeRule.EarlyAssemblyPart, "第二十条"), (assembly.Rule, assembly.Article));
        Assert.Equal([GuaranteeOption.AssemblyReplacement], assembly.Options);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(7, false)]
    public void A_major_assembly_replaced_in_the_first_7_days_gives_a_free_replacement_or_refund_of_the_car(int day, bool entitled)
    {
        var r = Repair(Invoice.AddDays(day), km: 300, system: FaultSystem.Transmission,
            replaced: new ReplacedComponent(FaultSystem.Transmission, "VALVE-BODY", WholeAssembly: false));
        var status = Evaluate(Invoice.AddDays(day + 1), r);
        var car = status.Entitlements.Where(e => e.Rule == GuaranteeRule.MajorAssemblyFirstDays).ToList();
        Assert.Equal(entitled, car.Count == 1);
        if (entitled)
        {
            Assert.Equal(("第二十二条", true), (car[0].Article, car[0].Free));
            Assert.Equal([GuaranteeOption.Replacement, GuaranteeOption.Refund], car[0].Options);
        }
        else
        {
            // From day 8 the same repair is a main-part problem in the first 60 days: a new assembly, not a new car.
            var assembly = Assert.Single(status.Entitlements, e => e.Rule == GuaranteeRule.EarlyAssemblyPart);
            Assert.Equal(("第二十条", "Transmission"), (assembly.Article, assembly.Subject));
            Assert.Equal([GuaranteeOption.AssemblyReplacement], assembly.Options);
        }
    }

    [Theory]
    [InlineData(59, 2_999, true)]
    [InlineData(60, 2_999, false)]
    [InlineData(30, 3_000, false)]
    public void A_main_part_problem_of_the_engine_in_60_days_or_3000_km_gives_a_free_new_engine(int day, int km, bool entitled)
    {
        var status = Evaluate(Invoice.AddDays(day + 1), Repair(Invoice.AddDays(day), km: km, system: FaultSystem.Engine, problem: "OIL-PUMP"));
        Assert.Equal(entitled, status.Entitlements.Any(e => e.Rule == GuaranteeRule.EarlyAssemblyPart && e.Article == "第二十条"));
        Assert.DoesNotContain(status.Entitlements, e => e.Rule == GuaranteeRule.MajorAssemblyFirstDays);
    }

    [Fact]
    public void An_electrical_fault_within_60_days_is_not_an_early_serious_fault()
    {
        var status = Evaluate(Invoice.AddDays(11), Repair(Invoice.AddDays(10), km: 500, system: FaultSystem.Electrical));
        Assert.DoesNotContain(status.Entitlements, e => e.Rule == GuaranteeRule.EarlySeriousFault);
    }

    [Fact]
    public void Two_serious_safety_repairs_warn_and_a_third_reaches_article_24()
    {
        var first = Repair(Invoice.AddMonths(4), system: FaultSystem.Braking, safety: true);
        var second = Repair(Invoice.AddMonths(6), system: FaultSystem.Steering, safety: true);
        var warned = Evaluate(Invoice.AddMonths(7), first, second);
        var warning = Assert.Single(warned.Warnings, w => w.Rule == GuaranteeRule.SeriousSafetyRepeated);
        Assert.Equal((2, 2), (warning.Count, warning.Limit));
        Assert.DoesNotContain(warned.Entitlements, e => e.Rule == GuaranteeRule.SeriousSafetyRepeated);

        var third = Repair(Invoice.AddMonths(8), system: FaultSystem.Braking, safety: true);
        var reached = Evaluate(Invoice.AddMonths(9), first, second, third);
        var right = Assert.Single(reached.Entitlements, e => e.Rule == GuaranteeRule.SeriousSafetyRepeated);
        Assert.Equal(third.ReceivedOn, right.Since);
        Assert.Equal([first.OrderId, second.OrderId, third.OrderId], right.EvidenceOrders);
        Assert.Equal("第二十四条第一款第（一）项", right.Article);
        Assert.DoesNotContain(reached.Warnings, w => w.Rule == GuaranteeRule.SeriousSafetyRepeated);
    }

    [Theory]
    [InlineData(23, true)]
    [InlineData(24, false)]
    public void Only_repairs_within_the_two_year_guarantee_period_count(int monthOfThirdRepair, bool entitled)
    {
        var status = Evaluate(Invoice.AddMonths(monthOfThirdRepair).AddDays(1),
            Repair(Invoice.AddMonths(2), system: FaultSystem.Braking, safety: true),
            Repair(Invoice.AddMonths(5), system: FaultSystem.Braking, safety: true),
            Repair(Invoice.AddMonths(monthOfThirdRepair), system: FaultSystem.Braking, safety: true));
        Assert.Equal(entitled, status.Entitlements.Any(e => e.Rule == GuaranteeRule.SeriousSafetyRepeated));
    }

    [Theory]
    [InlineData(49_999, true)]
    [InlineData(50_000, false)]
    public void Only_repairs_under_50000_km_count(int km, bool entitled)
    {
        var status = Evaluate(Invoice.AddMonths(10),
            Repair(Invoice.AddMonths(2), system: FaultSystem.Braking, safety: true),
            Repair(Invoice.AddMonths(5), system: FaultSystem.Braking, safety: true),
            Repair(Invoice.AddMonths(9), km: km, system: FaultSystem.Braking, safety: true));
        Assert.Equal(entitled, status.Entitlements.Any(e => e.Rule == GuaranteeRule.SeriousSafetyRepeated));
    }

    [Fact]
    public void The_same_quality_problem_repaired_4_times_warns_and_a_5th_reaches_the_right()
    {
        var four = Enumerable.Range(0, 4).Select(i => Repair(Invoice.AddMonths(1 + i), problem: i % 2 == 0 ? "P0A80" : " p0a80 ")).ToArray();
        var warned = Evaluate(Invoice.AddMonths(6), four);
        var warning = Assert.Single(warned.Warnings, w => w.Rule == GuaranteeRule.SameProblemRepeated);
        Assert.Equal((4, 4), (warning.Count, warning.Limit));

        var fifth = Repair(Invoice.AddMonths(7));
        var reached = Evaluate(Invoice.AddMonths(8), [.. four, fifth]);
        var right = Assert.Single(reached.Entitlements, e => e.Rule == GuaranteeRule.SameProblemRepeated);
        Assert.Equal(fifth.ReceivedOn, right.Since);
        Assert.Equal(5, right.EvidenceOrders.Count);
    }

    [Fact]
    public void A_different_problem_or_a_different_system_is_not_the_same_quality_problem()
    {
        var ledger = new[]
        {
            Repair(Invoice.AddMonths(1), problem: "P0A80"),
            Repair(Invoice.AddMonths(2), problem: "P0A80"),
            Repair(Invoice.AddMonths(3), problem: "P0A80"),
            Repair(Invoice.AddMonths(4), problem: "P0A7F"),
            Repair(Invoice.AddMonths(5), system: FaultSystem.Body, problem: "P0A80"),
        };
        var status = Evaluate(Invoice.AddMonths(6), ledger);
        Assert.DoesNotContain(status.Entitlements, e => e.Rule == GuaranteeRule.SameProblemRepeated);
        Assert.DoesNotContain(status.Warnings, w => w.Rule == GuaranteeRule.SameProblemRepeated);
    }

    [Fact]
    public void Repair_days_add_up_across_orders_and_pass_30_on_the_31st_day()
    {
        // 10 + 12 = 22 days: not yet within 5 of the limit. Third order of 8 days makes 30: one event away.
        var a = Repair(new DateOnly(2024, 5, 1), days: 10, problem: "A");
        var b = Repair(new DateOnly(2024, 7, 1), days: 12, problem: "B");
        Assert.DoesNotContain(Evaluate(new DateOnly(2024, 8, 1), a, b).Warnings, w => w.Rule == GuaranteeRule.CumulativeRepairDays);

        var c = Repair(new DateOnly(2024, 9, 1), days: 8, problem: "C");
        var at30 = Evaluate(new DateOnly(2024, 10, 1), a, b, c);
        Assert.Equal(30, at30.CumulativeRepairDays);
        Assert.DoesNotContain(at30.Entitlements, e => e.Rule == GuaranteeRule.CumulativeRepairDays);
        Assert.Contains(at30.Warnings, w => w.Rule == GuaranteeRule.CumulativeRepairDays);

        var d = Repair(new DateOnly(2024, 11, 4), days: 3, problem: "D");
        var over = Evaluate(new DateOnly(2024, 12, 1), a, b, c, d);
        var right = Assert.Single(over.Entitlements, e => e.Rule == GuaranteeRule.CumulativeRepairDays);
        Assert.Equal(33, over.CumulativeRepairDays);
        Assert.Equal(new DateOnly(2024, 11, 5), right.Since);
        Assert.Equal([a.OrderId, b.OrderId, c.OrderId, d.OrderId], right.EvidenceOrders);
    }

    [Fact]
    public void A_repair_of_less_than_a_day_counts_one_day_and_an_open_repair_counts_to_today()
    {
        var sameDay = Repair(new DateOnly(2024, 5, 1), days: 0);
        Assert.Equal(1, sameDay.DaysInWorkshop(new DateOnly(2024, 6, 1)));
        var open = Repair(new DateOnly(2024, 5, 1), open: true);
        Assert.Equal(31, open.DaysInWorkshop(new DateOnly(2024, 6, 1)));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void A_repair_over_5_days_gives_a_replacement_car_or_transport_compensation(int days, bool entitled)
    {
        var r = Repair(new DateOnly(2025, 5, 1), days: days);
        var status = Evaluate(new DateOnly(2025, 6, 1), r);
        var right = status.Entitlements.SingleOrDefault(e => e.Rule == GuaranteeRule.LongRepair);
        Assert.Equal(entitled, right is not null);
        if (right is not null)
        {
            Assert.Equal(new DateOnly(2025, 5, 6), right.Since);
            Assert.Equal([GuaranteeOption.ReplacementCarOrTransportCompensation], right.Options);
        }
    }

    [Fact]
    public void The_engine_replaced_twice_warns_and_failing_again_reaches_the_right()
    {
        var engine = new ReplacedComponent(FaultSystem.Engine, "ENGINE-ASSY", WholeAssembly: true);
        var first = Repair(Invoice.AddMonths(3), system: FaultSystem.Engine, problem: "knock", replaced: engine);
        var second = Repair(Invoice.AddMonths(6), system: FaultSystem.Engine, problem: "oil", replaced: engine);
        var warned = Evaluate(Invoice.AddMonths(7), first, second);
        Assert.Contains(warned.Warnings, w => w.Rule == GuaranteeRule.MajorAssemblyReplaced && w.Subject == "Engine");

        var failing = Repair(Invoice.AddMonths(9), system: FaultSystem.Engine, problem: "stall");
        var reached = Evaluate(Invoice.AddMonths(10), first, second, failing);
        var right = Assert.Single(reached.Entitlements, e => e.Rule == GuaranteeRule.MajorAssemblyReplaced);
        Assert.Equal(failing.ReceivedOn, right.Since);
        Assert.Equal([first.OrderId, second.OrderId, failing.OrderId], right.EvidenceOrders);
    }

    [Fact]
    public void The_same_main_component_counts_by_component_not_by_system()
    {
        var caliperFl = new ReplacedComponent(FaultSystem.Braking, "CALIPER-FL", WholeAssembly: false);
        var caliperFr = new ReplacedComponent(FaultSystem.Braking, "CALIPER-FR", WholeAssembly: false);
        var once = Evaluate(Invoice.AddMonths(5),
            Repair(Invoice.AddMonths(1), system: FaultSystem.Braking, problem: "a", replaced: caliperFl),
            Repair(Invoice.AddMonths(2), system: FaultSystem.Braking, problem: "b", replaced: caliperFr),
            Repair(Invoice.AddMonths(3), system: FaultSystem.Braking, problem: "c"));
        Assert.DoesNotContain(once.Entitlements, e => e.Rule == GuaranteeRule.SameMainComponentReplaced);
        Assert.DoesNotContain(once.Warnings, w => w.Rule == GuaranteeRule.SameMainComponentReplaced);

        var twice = Evaluate(Invoice.AddMonths(5),
            Repair(Invoice.AddMonths(1), system: FaultSystem.Braking, problem: "a", replaced: caliperFl),
            Repair(Invoice.AddMonths(2), system: FaultSystem.Braking, problem: "b", replaced: caliperFl),
            Repair(Invoice.AddMonths(3), system: FaultSystem.Braking, problem: "c"));
        Assert.Contains(twice.Entitlements, e => e.Rule == GuaranteeRule.SameMainComponentReplaced && e.Subject == "Braking:CALIPER-FL");
    }

    [Fact]
    public void The_refund_deduction_is_price_times_km_over_1000_times_n()
    {
        // No rate on the certificate: the regulation's maximum, 200,000 × 12,000 / 1000 × 0.5% = 12,000.
        var status = Evaluate(Invoice.AddMonths(3));
        Assert.Equal(new UseDeduction(0.005m, false, 12_000m, "第二十九条"), status.RefundDeduction);

        // The certificate's n: 0.3% gives 7,200; a certificate above the cap is held to 0.5%.
        var certified = ThreeGuaranteeEvaluator.Evaluate(Car, Vehicle with { CertificateUseRate = 0.003m }, [], Invoice.AddMonths(3));
        Assert.Equal(new UseDeduction(0.003m, true, 7_200m, "第二十九条"), certified.RefundDeduction);
        var above = ThreeGuaranteeEvaluator.Evaluate(Car, Vehicle with { CertificateUseRate = 0.008m }, [], Invoice.AddMonths(3));
        Assert.Equal(12_000m, above.RefundDeduction!.Amount);
    }

    [Fact]
    public void Warnings_end_with_the_guarantee_period()
    {
        var status = Evaluate(Invoice.AddMonths(25),
            Repair(Invoice.AddMonths(2), system: FaultSystem.Braking, safety: true),
            Repair(Invoice.AddMonths(5), system: FaultSystem.Braking, safety: true));
        Assert.False(status.InGuaranteePeriod);
        Assert.Empty(status.Warnings);
    }

    [Theory]
    [InlineData(6, GuaranteeRule.ReturnWindow)]
    [InlineData(7, GuaranteeRule.ExchangeWindow)]
    [InlineData(14, GuaranteeRule.ExchangeWindow)]
    [InlineData(15, null)]
    public void A_phone_failing_within_7_days_may_be_returned_and_within_15_exchanged(int day, string? rule)
    {
        var phone = new GuaranteeSubject(GuaranteeProductKind.MobilePhone, Invoice, 5_999m, null);
        var status = ThreeGuaranteeEvaluator.Evaluate(ThreeGuaranteeRules.MobilePhone2001, phone,
            [Repair(Invoice.AddDays(day), system: FaultSystem.MainUnit)], Invoice.AddDays(day));
        Assert.Equal(rule, status.Entitlements.SingleOrDefault()?.Rule);
    }

    [Theory]
    [InlineData(11, true)]
    [InlineData(12, false)]
    public void An_appliance_repaired_twice_in_warranty_and_failing_again_may_be_exchanged(int monthOfThird, bool entitled)
    {
        var fridge = new GuaranteeSubject(GuaranteeProductKind.HouseholdAppliance, Invoice, 4_000m, null);
        var status = ThreeGuaranteeEvaluator.Evaluate(ThreeGuaranteeRules.HouseholdAppliance1995, fridge,
            [Repair(Invoice.AddMonths(2), system: FaultSystem.MainUnit), Repair(Invoice.AddMonths(5), system: FaultSystem.MainUnit),
             Repair(Invoice.AddMonths(monthOfThird), system: FaultSystem.MainUnit)], Invoice.AddMonths(monthOfThird));
        var right = status.Entitlements.SingleOrDefault(e => e.Rule == GuaranteeRule.RepairsStillFailing);
        Assert.Equal(entitled, right is not null);
        if (right is not null)
        {
            Assert.Equal([GuaranteeOption.Exchange, GuaranteeOption.Return], right.Options);
        }
    }
}
