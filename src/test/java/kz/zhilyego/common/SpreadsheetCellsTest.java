package kz.zhilyego.common;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellsTest {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1)", "+cmd|' /C calc'!A0", "-2+3", "-1e5",
			"+7 701 123 45 67", "\t=1+1", "\r=1+1", "=", "-", "+", "@", "-1.", "--1" })
	void quotesWhatASpreadsheetWouldRunAsAFormula(String text) {
		assertThat(SpreadsheetCells.formulaLike(text)).isTrue();
		assertThat(SpreadsheetCells.csv(text)).isEqualTo("'" + text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Айгерим Садыкова", "-1500.00", "-1500,00", "-1500", "+77011234567", "0", "12.5",
			"2026-12-01", "a=b", " =1+1", "'=already quoted", "" })
	void leavesTextAndPlainNumbersAsTheyAre(String text) {
		assertThat(SpreadsheetCells.formulaLike(text)).isFalse();
		assertThat(SpreadsheetCells.csv(text)).isEqualTo(text);
	}

	@ParameterizedTest
	@CsvSource({ "-250000.00", "-0.5", "+3" })
	void aNegativeAmountStaysANumber(BigDecimal amount) {
		assertThat(SpreadsheetCells.csv(amount.toPlainString())).isEqualTo(amount.toPlainString());
	}

	@Test
	void aRecordKeepsNullsAndConvertsEveryCell() {
		assertThat(SpreadsheetCells.csvRecord(1L, null, "@SUM(1)", new BigDecimal("-10.00"))).containsExactly("1", null,
				"'@SUM(1)", "-10.00");
	}

}
