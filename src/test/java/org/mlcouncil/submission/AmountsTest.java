package org.mlcouncil.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AmountsTest {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(delimiter = '|', value = {
      "2,000,000|2000000", "200,000|200000", "2 000 000|2000000", "2\u00a0000\u00a0000|2000000",
      "2\u202f000\u202f000|2000000", "2M|2000000", "2m|2000000", "300k|300000", "300K|300000", "$1.5M|1500000",
      "1.25 million|1250000", "$2,000,000|2000000", "USD 45,000|45000", "45000 USD|45000", "1500.50|1500.50",
      "1,500.5|1500.5", "0|0", "2bn|2000000000", "  750000  |750000", "$0.5k|500", "-5|-5"})
  void readsAmountsAsPeopleTypeThem(String typed, String amount) {
    assertThat(Amounts.parse(typed)).hasValueSatisfying(read -> assertThat(read).isEqualByComparingTo(amount));
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(strings = {"2,5", "2.000.000", "2.000", "1,5M", "2,00,000", "20,0000", "2 00 000", "a lot", "2M3",
      "1e6", "$", "", "2..5", "12,345,67", "1,000.123", "NaN", "Infinity", "0x10", "2 M dollars extra"})
  void refusesWhatCouldMeanTwoAmountsOrNone(String typed) {
    assertThat(Amounts.parse(typed)).isEmpty();
  }

  @Test
  void showsAmountsOneWay() {
    assertThat(Amounts.usd(2_000_000)).isEqualTo("$2,000,000");
    assertThat(Amounts.usdPerYear(2_000_000)).isEqualTo("$2,000,000 per year");
    assertThat(Amounts.usd(1500.5)).isEqualTo("$1,500.50");
    assertThat(Amounts.usd(0)).isEqualTo("$0");
    assertThat(Amounts.format(12.5)).isEqualTo("12.50");
  }

  @Test
  void whatThePlatformShowsReadsBackAsTheSameAmount() {
    for (double amount : new double[] {0, 1, 999.99, 2_000_000, 1_234_567.5, 1e10}) {
      assertThat(Amounts.parse(Amounts.usd(amount)))
          .hasValueSatisfying(read -> assertThat(read).isEqualByComparingTo(BigDecimal.valueOf(amount)));
    }
  }

  @Test
  void aSubmittedAmountIsReadOrRefusedNamingTheField() {
    SubmittedValues in = new SubmittedValues(Map.of("buildCost", "2,000,000", "yearlyMaintenanceCost", "2,5",
        "estimatedAnnualImpact", "-3k", "thirdPartyYearlyCost", "20bn"));

    assertThat(in.amount("buildCost", 1e10)).isEqualTo(2_000_000);
    assertThat(in.amount("yearlyMaintenanceCost", 1e10)).isNull();
    assertThat(in.amount("estimatedAnnualImpact", 1e10)).isNull();
    assertThat(in.amount("thirdPartyYearlyCost", 1e10)).isNull();
    assertThat(in.errors()).extracting(FieldError::toString).isEqualTo(List.of(
        "yearlyMaintenanceCost: '2,5' is not an amount the platform can read for sure; " + Amounts.HOW_TO_WRITE,
        "estimatedAnnualImpact: must not be negative",
        "thirdPartyYearlyCost: must be at most $10,000,000,000 (got $20,000,000,000)"));
  }
}
