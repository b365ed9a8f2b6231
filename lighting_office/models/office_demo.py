import base64
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class LightingOfficeDemo(models.AbstractModel):
    """The demo month of 华东办事处, made by walking the README's flows as the
    demo users (each step `with_user`, as a client would): a flow that a demo
    role cannot walk fails the demo install, and so `make test`'s first step."""

    _name = "lighting.office.demo"
    _description = "Lighting Office Demo Month"

    @api.model
    def _walk_office_month(self):
        # Odoo gives a new branch its share of the chart of accounts (receivable, income
        # accounts) in a pre-commit hook; the offices' invoices below need it now.
        self.env.cr.precommit.run()
        self._archive_odoo_demo()
        self._walk_sales()
        self._walk_execution()
        self._walk_aftersales()
        self._walk_expense()
        self._post_overdue_invoices()
        self._walk_budget()

    def _archive_odoo_demo(self):
        """Odoo's own demo customers and furniture (Deco Addict, Azure Interior, Office chairs…) are
        archived: offices see their head office's records, so moving them to head office would not
        keep them out of the offices' customer and product lists. Its documents stay head office's."""
        data = self.env["ir.model.data"]
        kept_partners = (
            self.env["res.users"].with_context(active_test=False).search([]).partner_id
            | self.env["res.company"].search([]).partner_id
        )
        own_partners = data.search([("module", "=", "lighting_office"), ("model", "=", "res.partner")]).mapped("res_id")
        self.env["res.partner"].search(
            [
                ("id", "not in", kept_partners.ids + own_partners),
                "|",
                ("company_id", "=", False),
                ("company_id", "=", self.env.ref("base.main_company").id),
            ]
        ).action_archive()
        furniture = data.search(
            [
                ("module", "in", ("product", "sale", "stock", "repair")),
                ("model", "=", "product.template"),
            ]
        )
        self.env["product.template"].browse(furniture.mapped("res_id")).filtered(
            lambda template: (
                not template.can_be_expensed and template != self.env.ref("sale.advance_product_0").product_tmpl_id
            )
        ).action_archive()

    def _user(self, xmlid):
        return self.env.ref(f"lighting_office.{xmlid}")

    def _walk_sales(self):
        """R3.1.2-R3.1.4: the manager logs a contact; a quotation goes to review."""
        manager = self._user("user_hd_manager")
        lead = self.env.ref("lighting_office.lead_school").with_user(manager)
        self.env["lighting.contact.log"].with_user(manager).create(
            {
                "lead_id": lead.id,
                "channel": "phone",
                "user_id": manager.id,
                "summary": "与后勤处电话沟通,确认暑假期间施工,需提供护眼灯检测报告。",
                "next_step": "下周上门演示样灯",
            }
        )
        # demo content, written in Chinese as the demo office would
        lead.message_post(body="已安排暑期施工窗口,请销售尽快提交方案。", message_type="comment")  # pylint: disable=translation-required
        order = self.env.ref("lighting_office.order_school")
        order.with_user(self._user("user_hd_sales")).request_validation()

    def _walk_execution(self):
        """R3.1.4-R3.2.3: approved, confirmed and signed orders; their jobs handed over."""
        sales, manager = self._user("user_hd_sales"), self._user("user_hd_manager")
        support, aftersales = self._user("user_hd_support"), self._user("user_hd_aftersales")
        for xmlid, acknowledged in (("order_hotel", True), ("order_office_tower", False)):
            order = self.env.ref(f"lighting_office.{xmlid}").with_user(sales)
            order.request_validation()
            order.with_user(manager).validate_tier()
            order.action_confirm()
            order.write(
                {
                    "signed_contract": base64.b64encode(b"%PDF-1.4 signed contract"),
                    "signed_contract_name": f"{order.name}.pdf",
                }
            )
            order.action_mark_signed()
            job = order.install_job_ids.with_user(manager)
            job.write(
                {
                    "user_id": aftersales.id,
                    "planned_date": fields.Datetime.now() + timedelta(days=3 if acknowledged else 12),
                }
            )
            handover = (
                self.env["lighting.tech.handover"]
                .with_user(support)
                .create(
                    {
                        "install_job_id": job.id,
                        "support_user_id": support.id,
                        "summary": "<p>吊顶内预留检修口,驱动电源集中安装于弱电间。</p>",
                        "line_ids": [
                            Command.create({"kind": "requirement", "name": "筒灯开孔 Φ150 mm,距墙不小于 300 mm"}),
                            Command.create({"kind": "commissioning", "name": "DALI 地址分配后逐回路调光测试"}),
                            Command.create({"kind": "precaution", "name": "高空作业系安全带,断电后接线"}),
                        ],
                    }
                )
            )
            handover.action_hand_over()
            if acknowledged:
                handover.with_user(aftersales).action_acknowledge()

    def _walk_aftersales(self):
        """R3.3.1-R3.3.2: on-site service planned; a returned floodlight fails its first test."""
        aftersales = self._user("user_hd_aftersales")
        flicker = self.env.ref("lighting_office.ticket_feedback_flicker").with_user(aftersales)
        flicker.write({"visit_date": fields.Datetime.now() + timedelta(days=1), "visit_user_id": aftersales.id})
        flicker.action_decide_on_site()
        ticket = self.env.ref("lighting_office.ticket_feedback_highbay").with_user(aftersales)
        ticket.action_decide_return()
        ticket.return_picking_id.button_validate()
        repair = ticket.repair_ids
        repair.action_validate()
        repair.action_repair_start()
        repair.write(
            {
                "lighting_diagnosis": "<p>驱动电源输出电容鼓包,灯珠正常。</p>",
                "lighting_step_ids": [Command.create({"description": "拆灯检查驱动与灯板"})],
            }
        )
        self.env["lighting.repair.test"].with_user(aftersales).create(
            {
                "repair_id": repair.id,
                "tests_done": "老化 4 小时,满功率点亮",
                "measured_results": "运行 40 分钟后熄灭,输出电压跌落至 0 V",
                "result": "failed",
            }
        )

    def _walk_expense(self):
        """R4.2.1: a claim with its receipt, reviewed by the office and finally approved by HQ Finance."""
        sales, manager, finance = (self._user(x) for x in ("user_hd_sales", "user_hd_manager", "user_hq_finance"))
        employee = self.env.ref("lighting_office.employee_hd_sales")
        expense = (
            self.env["hr.expense"]
            .with_user(sales)
            .create(
                {
                    "name": "苏州实验学校现场勘察高铁票",
                    "employee_id": employee.id,
                    "product_id": self.env.ref("lighting_office.product_expense_travel").id,
                    "total_amount_currency": 236.0,
                    "company_id": employee.company_id.id,
                    "date": fields.Date.context_today(self) - timedelta(days=6),
                }
            )
        )
        self.env["ir.attachment"].with_user(sales).create(
            {
                "name": "高铁票.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 ticket"),
                "res_model": "hr.expense",
                "res_id": expense.id,
            }
        )
        sheet = (
            self.env["hr.expense.sheet"]
            .with_user(sales)
            .create(
                {
                    "name": "苏州出差报销",
                    "employee_id": employee.id,
                    "company_id": employee.company_id.id,
                    "expense_line_ids": [Command.set(expense.ids)],
                }
            )
        )
        sheet.action_submit_sheet()
        for reviewer in (manager, manager, finance):
            sheet.with_user(reviewer).validate_tier()
        if sheet.state != "approve":  # where HQ Finance's last Validate does not approve it by itself
            sheet.with_user(finance).action_approve_expense_sheets()
        if sheet.state != "approve":
            # stops the demo install (a developer reads it in the log), never shown to users
            raise UserError(f"{sheet.name}: HQ Finance could not give the final approval.")  # pylint: disable=translation-required

    def _post_overdue_invoices(self):
        """R3.1.6: posted customer invoices past their due date. Written by the accountant
        (this superuser environment), whose job no Lighting Office role has."""
        today = fields.Date.context_today(self)
        for office, partner, salesperson, product, qty, days in (
            ("office_east", "partner_hotel", "user_hd_sales", "product_downlight", 800, 12),
            ("office_east", "partner_mall", "user_hd_sales", "product_panel", 300, 45),
            ("office_east", "partner_school", "user_hd_sales", "product_panel", 120, 95),
            ("office_south", "partner_factory", "user_hn_sales", "product_highbay", 60, 20),
        ):
            company = self.env.ref(f"lighting_office.{office}")
            invoice = (
                self.env["account.move"]
                .with_company(company)
                .create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": self.env.ref(f"lighting_office.{partner}").id,
                        "invoice_user_id": self._user(salesperson).id,
                        "invoice_date": today - timedelta(days=days + 30),
                        "invoice_date_due": today - timedelta(days=days),
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "product_id": self.env.ref(f"lighting_office.{product}").id,
                                    "quantity": qty,
                                }
                            )
                        ],
                    }
                )
            )
            invoice.action_post()

    def _walk_budget(self):
        """R4.1.1-R4.1.2: the manager drafts the year's budget, HQ Finance approves, it is put in force."""
        manager, finance = self._user("user_hd_manager"), self._user("user_hq_finance")
        budget = self.env.ref("lighting_office.demo_budget_east").with_user(manager)
        first = fields.Date.context_today(self).replace(month=1, day=1)
        budget.write(
            {
                "line_ids": [
                    Command.create(
                        {
                            "category": category,
                            "amount": amount,
                            "name": name,
                            "date": first + relativedelta(months=month),
                        }
                    )
                    for month in range(12)
                    for category, amount, name in (
                        ("revenue", 420000 + 20000 * (month % 3), "工程项目销售"),
                        ("cost", 260000 + 12000 * (month % 3), "灯具及驱动采购成本"),
                        ("expense", 45000, "人员、差旅及展会费用"),
                    )
                ]
            }
        )
        budget.request_validation()
        budget.with_user(finance).validate_tier()
        budget.action_approve()
