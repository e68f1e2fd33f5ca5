; Inno Setup 6 (>= 6.3) script: a per-user installer of 绩效目标申报编辑器 — no administrator rights.
; Not built or run on the development machine (Linux): Windows builds happen on Windows.
; packaging/build_app.py runs it after the bundle:
;   ISCC /DAppVersion=0.2.0 /DBundleDir=...\dist\perf-target-editor /DOutputDir=...\dist /DIconFile=...\resources\perf-target-editor.ico perf-target-editor.iss
; Saved as UTF-8 with a byte-order mark, so the Chinese strings survive any code page.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\perf-target-editor"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\resources\perf-target-editor.ico"
#endif
#define AppName "绩效目标申报编辑器"
#define AppExe "perf-target-editor.exe"
#define ProgId "PerfTargetEditor.Declaration"

[Setup]
AppId={{3BF86A57-91A9-4C02-96AB-15D9EB8EED19}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=perf-target-editor
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} 安装程序
; Per user: %LOCALAPPDATA%\Programs\perf-target-editor, uninstall entry and file types under HKCU.
PrivilegesRequired=lowest
DefaultDirName={autopf}\perf-target-editor
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Qt 6.8+ runs on Windows 10 1809 and later, x64 only.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=perf-target-editor-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ChangesAssociations=yes
CloseApplications=yes

[Languages]
; Recent Inno Setup releases ship ChineseSimplified.isl; with an older one, copy the translation from
; https://jrsoftware.org/files/istrans/ into its Languages folder, or the installer speaks English only.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The PyInstaller one-folder bundle: both executables and their shared _internal\ folder.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the bundle whole: no stale Qt or Python files from the previous version.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with" for .json and .xlsx, under HKCU only. The editor is offered, never made the default
; program: Excel/WPS keep .xlsx and whatever the clerk uses keeps .json.
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "绩效目标申报文件"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: none; ValueName: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.xlsx\OpenWithProgids"; ValueType: none; ValueName: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".xlsx"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
