import csv
import os
from datetime import timedelta
from pathlib import Path

from odoo import Command, fields
from odoo.tests import new_test_user, tagged

from .common import ROLES, LightingOfficeCase

MATRIX = Path(__file__).parent / "access_matrix.csv"
OPERATIONS = ("create", "read", "write", "unlink")
LETTERS = dict(zip(OPERATIONS, "crwu", strict=True))
ALL_ROLES = ROLES + ("hq_finance", "hq_management")
# Required values a generic record cannot guess (valid dates, values on a scale …).
VALUES = {
    "lighting.vehicle.request": {"date_to": fields.Datetime.now() + timedelta(hours=2)},
    "lighting.event.plan": {"date_end": fields.Datetime.now() + timedelta(hours=2)},
    "lighting.risk.assessment": {"likelihood": 3, "impact": 3},
    "lighting.room.standard": {"target_illuminance": 300, "power_density_limit": 9},
    "lighting.solution.room": {"area": 10, "luminaire_flux": 1000},
    "lighting.appraisal.line": {"weight": 100},
    "lighting.appraisal.template.line": {"weight": 100},
    "lighting.business.trip": {"estimated_cost": 100},
    "lighting.budget.line": {"amount": 10},
    "lighting.expense.preapproval": {"amount": 10},
    "lighting.office.target": {"target_amount": 10},
    "lighting.risk.indicator": {"threshold": 1},
}


def expected_rows():
    with MATRIX.open(newline="") as stream:
        return [row for row in csv.DictReader(line for line in stream if not line.startswith("#"))]


@tagged("post_install", "-at_install")
class TestAccessMatrix(LightingOfficeCase):
    """R1.2: who may create, read, write and delete which record of the module,
    in their own office and in the other one: tests/access_matrix.csv."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, mail_create_nolog=True, mail_notrack=True))
        cls.colleague = {
            office: new_test_user(
                cls.env,
                login=f"colleague_{office.office_code}",
                groups="base.group_user",
                company_id=office.id,
                company_ids=[Command.set(office.ids)],
            )
            for office in (cls.office_a, cls.office_b)
        }
        cls.built = {}
        cls.records = {
            model: {office: cls._build(model, office) for office in (cls.office_a, cls.office_b)}
            for model in cls._matrix_models()
        }

    @classmethod
    def _matrix_models(cls):
        return sorted(
            name for name, model in cls.env.registry.items() if name.startswith("lighting.") and not model._abstract
        )

    @classmethod
    def _build(cls, model, office):
        """A record of the office (or the shared record of a model without office), owned by
        nobody of the roles: a colleague's record, not the tested user's."""
        Model = cls.env[model]
        if Model._transient or not Model._auto:
            return Model
        shared = "company_id" not in Model._fields
        key = (model, None if shared else office)
        if key not in cls.built:
            cls.built[key] = (shared and Model.search([], limit=1)) or Model.create(cls._values(Model, office))
        return cls.built[key]

    @classmethod
    def _values(cls, Model, office):
        vals = {}
        defaults = Model.with_company(office).default_get(list(Model._fields))
        for name, field in Model._fields.items():
            if name == "company_id" and field.store and not field.related:
                vals[name] = office.id
            elif (
                field.required
                and not defaults.get(name)
                and not field.related
                and not (field.compute and not field.readonly)
            ):
                vals[name] = cls._value(field, office)
        vals.update(VALUES.get(Model._name, {}))
        if Model._name == "lighting.appraisal.outcome":
            # an outcome follows from an excellent rating; the superuser sets the computed rating
            cls._build("lighting.appraisal", office).write({"rating": "excellent"})
        return vals

    @classmethod
    def _value(cls, field, office):
        simple = {
            "char": "Matrix",
            "text": "Matrix",
            "html": "<p>Matrix</p>",
            "integer": 1,
            "float": 1.0,
            "monetary": 1.0,
            "date": fields.Date.today(),
            "datetime": fields.Datetime.now(),
        }
        if field.type in simple:
            return simple[field.type]
        if field.type == "selection":
            return field.get_values(cls.env)[0]
        if field.type == "many2one":
            return cls._related(field.comodel_name, office).id
        raise AssertionError(f"{field}: no value for a required {field.type} field")

    @classmethod
    def _related(cls, comodel, office):
        if comodel.startswith("lighting."):
            return cls._build(comodel, office)
        key = (comodel, office)
        if key not in cls.built:
            cls.built[key] = cls._other_record(comodel, office)
        return cls.built[key]

    @classmethod
    def _other_record(cls, comodel, office):
        env = cls.env
        if comodel == "res.users":
            return cls.colleague[office]
        if comodel == "res.partner":
            return cls.customer
        if comodel == "product.product":
            return cls.product
        if comodel == "hr.employee":
            return env["hr.employee"].create({"name": f"Colleague {office.office_code}", "company_id": office.id})
        if comodel == "hr.applicant":
            candidate = env["hr.candidate"].create({"partner_name": "Candidate", "company_id": office.id})
            return env["hr.applicant"].create({"candidate_id": candidate.id, "company_id": office.id})
        if comodel == "crm.lead":
            return env["crm.lead"].create(
                {"name": "Matrix lead", "type": "opportunity", "partner_id": cls.customer.id, "company_id": office.id}
            )
        if comodel == "sale.order":
            return env["sale.order"].create({"partner_id": cls.customer.id, "company_id": office.id})
        if comodel == "repair.order":
            return (
                env["repair.order"]
                .with_company(office)
                .create(
                    {
                        "partner_id": cls.customer.id,
                        "company_id": office.id,
                        "product_id": cls.product.id,
                        "picking_type_id": office._lighting_warehouse().repair_type_id.id,
                    }
                )
            )
        if comodel == "fleet.vehicle":
            brand = env["fleet.vehicle.model.brand"].create({"name": "Matrix"})
            model = env["fleet.vehicle.model"].create({"name": "Van", "brand_id": brand.id})
            return env["fleet.vehicle"].create({"model_id": model.id, "company_id": office.id})
        if comodel == "account.move":
            return (
                env["account.move"]
                .with_company(office)
                .create({"move_type": "out_invoice", "partner_id": cls.customer.id, "company_id": office.id})
            )
        raise AssertionError(f"no record of {comodel} for the access matrix")

    def _rights(self, user, record):
        """The operations `user` may do on `record`, as letters crwu ('-' where refused)."""
        record = record.with_user(user)
        return "".join(LETTERS[op] if record.has_access(op) else "-" for op in OPERATIONS)

    def _users(self):
        return {
            **{role: self.users[role, "a"] for role in ROLES},
            "hq_finance": self.hq_finance,
            "hq_management": self.hq_management,
        }

    def _actual(self):
        users = self._users()
        return {
            (model, role): (self._rights(user, records[self.office_a]), self._rights(user, records[self.office_b]))
            for model, records in self.records.items()
            for role, user in users.items()
        }

    def test_access_matrix(self):
        """R1.2: every role's create/read/write/unlink on every model of the module, on a record of
        its own office and of the other office, is what tests/access_matrix.csv says."""
        actual = self._actual()
        if os.environ.get("LIGHTING_ACCESS_MATRIX_WRITE"):
            self._write(actual)
        rows = expected_rows()
        self.assertEqual(
            {(row["model"], row["role"]) for row in rows},
            set(actual),
            "the matrix lists every model of the module and every role, once",
        )
        for row in rows:
            with self.subTest(model=row["model"], role=row["role"]):
                self.assertEqual(actual[row["model"], row["role"]], (row["own_office"], row["other_office"]))

    def _write(self, actual):
        header = [line for line in MATRIX.read_text().splitlines() if line.startswith("#")] if MATRIX.exists() else []
        with MATRIX.open("w", newline="") as stream:
            stream.writelines(line + "\n" for line in header)
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(["model", "role", "own_office", "other_office"])
            for (model, role), (own, other) in sorted(
                actual.items(), key=lambda item: (item[0][0], ALL_ROLES.index(item[0][1]))
            ):
                writer.writerow([model, role, own, other])
