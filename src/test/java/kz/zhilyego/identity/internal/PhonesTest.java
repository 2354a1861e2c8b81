package kz.zhilyego.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhonesTest {

	@Test
	void normalisesKazakhNumbersWrittenInTheUsualWaysToE164() {
		assertThat(Phones.normalise("+7 701 234 56 78")).hasValue("+77012345678");
		assertThat(Phones.normalise("8 (701) 234-56-78")).hasValue("+77012345678");
		assertThat(Phones.normalise("7012345678")).hasValue("+77012345678");
	}

	@Test
	void rejectsTextThatIsNotAPhoneNumber() {
		assertThat(Phones.normalise("user@demo.zhilyego.kz")).isEmpty();
		assertThat(Phones.normalise("12")).isEmpty();
		assertThat(Phones.normalise("")).isEmpty();
	}

}
