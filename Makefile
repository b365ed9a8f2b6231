.PHONY: run test clean
run:
	scripts/office.sh run

test:
	scripts/office.sh test

clean:
	scripts/office.sh clean
