"""A clean declaration that passes every check, for tests to break one thing at a time."""

from src.model.declaration import Budget, Declaration, Department, Funds, Indicator, Project, Task


def indicator(level1="产出指标", level2="数量指标", name="调解案件数", period="≥400件", annual="≥100件") -> Indicator:
    return Indicator(level1=level1, level2=level2, name=name, period_value=period, annual_value=annual)


def clean_project(name="人民调解经费", unit="区司法局本级") -> Project:
    return Project(
        name=name, unit=unit, period="2023-2025",
        funds=Funds(total="100.00", fiscal="80.00", special_account="15.00", other="5.00"),
        goal="开展人民调解工作，化解矛盾纠纷。",
        indicators=[
            indicator(),
            indicator("产出指标", "质量指标", "调解成功率", "≥95%", "≥95%"),
            indicator("效益指标", "社会效益指标", "矛盾纠纷化解覆盖镇街数", "16个", "16个"),
            indicator("满意度指标", "服务对象满意度指标", "当事人满意度", "≥90%", "≥90%"),
        ],
    )


def clean_declaration() -> Declaration:
    return Declaration(
        year=2023,
        department=Department(
            name="广州市海珠区司法局",
            budget=Budget(basic="2293.28", project="200.00", special_funds="0", other_development="0",
                          fiscal="2493.28", other_income="0", own_level="2493.28", transfer="0"),
            overall_goal="提升公共法律服务水平。",
            tasks=[Task(name="一村一法律顾问", content="配备法律顾问", funds="100.00", expected="全覆盖")],
            indicators=[indicator("产出指标", "数量指标", "法律顾问覆盖村居数", "≥200个", "≥200个")],
        ),
        projects=[clean_project(), clean_project("法律援助经费", "区法律援助处")],
    )
